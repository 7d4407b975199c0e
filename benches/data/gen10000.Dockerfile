# syntax=docker/dockerfile:1
ARG BASE=busybox:latest
ARG VERSION=1.0
FROM ${BASE} AS s0
WORKDIR /work/w0
ARG A_0_1=default_0_1
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s0_2
ENV VAR_0_3=value_0_3 OTHER_0_3=${VERSION}
WORKDIR /work/w4
ENV VAR_0_5=value_0_5 OTHER_0_5=${VERSION}
ENV VAR_0_6=value_0_6 OTHER_0_6=${A_0_1}
RUN echo step 0_7 && mkdir -p /tmp/d0_7 && touch /tmp/d0_7/f
LABEL org.example.l0_8="label 0_8"
RUN echo step 0_9 && mkdir -p /tmp/d0_9 && touch /tmp/d0_9/f
ENV VAR_0_10=value_0_10 OTHER_0_10=${VERSION}
EXPOSE 8011/tcp
RUN echo step 0_12 && mkdir -p /tmp/d0_12 && touch /tmp/d0_12/f
RUN echo step 0_13 && mkdir -p /tmp/d0_13 && touch /tmp/d0_13/f
ENV VAR_0_14=value_0_14 OTHER_0_14=${A_0_1}
ENV VAR_0_15=value_0_15 OTHER_0_15=${VERSION}
ENV VAR_0_16=value_0_16 OTHER_0_16=${VERSION}
LABEL org.example.l0_17="label 0_17"
ENV VAR_0_18=value_0_18 OTHER_0_18=${VERSION}
RUN echo step 0_19 && mkdir -p /tmp/d0_19 && touch /tmp/d0_19/f
RUN echo step 0_20 && mkdir -p /tmp/d0_20 && touch /tmp/d0_20/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s0_21
ENV VAR_0_22=value_0_22 OTHER_0_22=${VERSION}
WORKDIR /work/w10
RUN echo step 0_24 && mkdir -p /tmp/d0_24 && touch /tmp/d0_24/f
ENV VAR_0_25=value_0_25 OTHER_0_25=${VERSION}
RUN echo step 0_26 && mkdir -p /tmp/d0_26 && touch /tmp/d0_26/f
RUN echo step 0_27 && mkdir -p /tmp/d0_27 && touch /tmp/d0_27/f
RUN echo step 0_28 && mkdir -p /tmp/d0_28 && touch /tmp/d0_28/f
COPY src/file_0_29.txt /app/dir_12/
RUN echo step 0_30 && mkdir -p /tmp/d0_30 && touch /tmp/d0_30/f
EXPOSE 8031/tcp
WORKDIR /work/w6
LABEL org.example.l0_33="label 0_33"
ARG A_0_34=default_0_34
COPY src/file_0_35.txt /app/dir_1/
ENV VAR_0_36=value_0_36 OTHER_0_36=${A_0_1}
RUN echo step 0_37 && mkdir -p /tmp/d0_37 && touch /tmp/d0_37/f
USER root
COPY src/file_0_39.txt /app/dir_5/
LABEL org.example.l0_40="label 0_40"
USER root
ENV VAR_0_42=value_0_42 OTHER_0_42=${A_0_1}
ARG A_0_43=default_0_43
WORKDIR /work/w5
EXPOSE 8045/tcp
RUN echo step 0_46 && mkdir -p /tmp/d0_46 && touch /tmp/d0_46/f
USER root
ENV VAR_0_48=value_0_48 OTHER_0_48=${A_0_34}
WORKDIR /work/w10
WORKDIR /work/w11
RUN echo step 0_51 && mkdir -p /tmp/d0_51 && touch /tmp/d0_51/f
COPY src/file_0_52.txt /app/dir_1/
ENV VAR_0_53=value_0_53 OTHER_0_53=${VERSION}
EXPOSE 8054/tcp
RUN echo step 0_55 && mkdir -p /tmp/d0_55 && touch /tmp/d0_55/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s0_56
ENV VAR_0_57=value_0_57 OTHER_0_57=${A_0_34}
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s0_58
USER root
COPY src/file_0_60.txt /app/dir_9/
LABEL org.example.l0_61="label 0_61"
WORKDIR /work/w10
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s0_63
ENV VAR_0_64=value_0_64 OTHER_0_64=${A_0_43}
WORKDIR /work/w0
RUN echo step 0_66 && mkdir -p /tmp/d0_66 && touch /tmp/d0_66/f
RUN echo step 0_67 && mkdir -p /tmp/d0_67 && touch /tmp/d0_67/f
ARG A_0_68=default_0_68
LABEL org.example.l0_69="label 0_69"
COPY src/file_0_70.txt /app/dir_2/
RUN echo step 0_71 && mkdir -p /tmp/d0_71 && touch /tmp/d0_71/f
USER root
RUN echo step 0_73 && mkdir -p /tmp/d0_73 && touch /tmp/d0_73/f
ARG A_0_74=default_0_74
RUN echo step 0_75 && mkdir -p /tmp/d0_75 && touch /tmp/d0_75/f
LABEL org.example.l0_76="label 0_76"
ENV VAR_0_77=value_0_77 OTHER_0_77=${A_0_43}
COPY src/file_0_78.txt /app/dir_10/
LABEL org.example.l0_79="label 0_79"
RUN echo step 0_80 && mkdir -p /tmp/d0_80 && touch /tmp/d0_80/f
WORKDIR /work/w3
USER root
EXPOSE 8083/tcp
ARG A_0_84=default_0_84
ARG A_0_85=default_0_85
LABEL org.example.l0_86="label 0_86"
LABEL org.example.l0_87="label 0_87"
RUN echo step 0_88 && mkdir -p /tmp/d0_88 && touch /tmp/d0_88/f
RUN echo step 0_89 && mkdir -p /tmp/d0_89 && touch /tmp/d0_89/f
LABEL org.example.l0_90="label 0_90"
ENV VAR_0_91=value_0_91 OTHER_0_91=${A_0_84}
RUN echo step 0_92 && mkdir -p /tmp/d0_92 && touch /tmp/d0_92/f
RUN echo step 0_93 && mkdir -p /tmp/d0_93 && touch /tmp/d0_93/f
WORKDIR /work/w3
ENV VAR_0_95=value_0_95 OTHER_0_95=${VERSION}
RUN echo step 0_96 && mkdir -p /tmp/d0_96 && touch /tmp/d0_96/f
USER root
EXPOSE 8098/tcp
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s0_99
RUN echo step 0_100 && mkdir -p /tmp/d0_100 && touch /tmp/d0_100/f
RUN echo step 0_101 && mkdir -p /tmp/d0_101 && touch /tmp/d0_101/f
RUN echo step 0_102 && mkdir -p /tmp/d0_102 && touch /tmp/d0_102/f
RUN echo step 0_103 && mkdir -p /tmp/d0_103 && touch /tmp/d0_103/f
RUN echo step 0_104 && mkdir -p /tmp/d0_104 && touch /tmp/d0_104/f
ARG A_0_105=default_0_105
USER root
RUN echo step 0_107 && mkdir -p /tmp/d0_107 && touch /tmp/d0_107/f
ENV VAR_0_108=value_0_108 OTHER_0_108=${VERSION}
ENV VAR_0_109=value_0_109 OTHER_0_109=${A_0_34}
RUN echo step 0_110 && mkdir -p /tmp/d0_110 && touch /tmp/d0_110/f
EXPOSE 8111/tcp
RUN echo step 0_112 && mkdir -p /tmp/d0_112 && touch /tmp/d0_112/f
ENV VAR_0_113=value_0_113 OTHER_0_113=${A_0_43}
RUN echo step 0_114 && mkdir -p /tmp/d0_114 && touch /tmp/d0_114/f
ENV VAR_0_115=value_0_115 OTHER_0_115=${A_0_68}
EXPOSE 8116/tcp
RUN echo step 0_117 && mkdir -p /tmp/d0_117 && touch /tmp/d0_117/f
RUN echo step 0_118 && mkdir -p /tmp/d0_118 && touch /tmp/d0_118/f
ENV VAR_0_119=value_0_119 OTHER_0_119=${A_0_85}
USER root
RUN echo step 0_121 && mkdir -p /tmp/d0_121 && touch /tmp/d0_121/f
RUN echo step 0_122 && mkdir -p /tmp/d0_122 && touch /tmp/d0_122/f
ENV VAR_0_123=value_0_123 OTHER_0_123=${A_0_1}
COPY src/file_0_124.txt /app/dir_5/
COPY src/file_0_125.txt /app/dir_6/
RUN echo step 0_126 && mkdir -p /tmp/d0_126 && touch /tmp/d0_126/f
COPY src/file_0_127.txt /app/dir_8/
RUN echo step 0_128 && mkdir -p /tmp/d0_128 && touch /tmp/d0_128/f
ARG A_0_129=default_0_129
EXPOSE 8130/tcp
WORKDIR /work/w1
COPY src/file_0_132.txt /app/dir_13/
USER root
COPY src/file_0_134.txt /app/dir_15/
LABEL org.example.l0_135="label 0_135"
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s0_136
ENV VAR_0_137=value_0_137 OTHER_0_137=${A_0_68}
RUN echo step 0_138 && mkdir -p /tmp/d0_138 && touch /tmp/d0_138/f
USER root
WORKDIR /work/w10
ARG A_0_141=default_0_141
RUN echo step 0_142 && mkdir -p /tmp/d0_142 && touch /tmp/d0_142/f
RUN echo step 0_143 && mkdir -p /tmp/d0_143 && touch /tmp/d0_143/f
RUN echo step 0_144 && mkdir -p /tmp/d0_144 && touch /tmp/d0_144/f
RUN echo step 0_145 && mkdir -p /tmp/d0_145 && touch /tmp/d0_145/f
COPY src/file_0_146.txt /app/dir_10/
COPY src/file_0_147.txt /app/dir_11/
ARG A_0_148=default_0_148
LABEL org.example.l0_149="label 0_149"
RUN echo step 0_150 && mkdir -p /tmp/d0_150 && touch /tmp/d0_150/f
COPY src/file_0_151.txt /app/dir_15/
ARG A_0_152=default_0_152
RUN echo step 0_153 && mkdir -p /tmp/d0_153 && touch /tmp/d0_153/f
COPY src/file_0_154.txt /app/dir_1/
USER root
COPY src/file_0_156.txt /app/dir_3/
RUN echo step 0_157 && mkdir -p /tmp/d0_157 && touch /tmp/d0_157/f
ARG A_0_158=default_0_158
RUN echo step 0_159 && mkdir -p /tmp/d0_159 && touch /tmp/d0_159/f
WORKDIR /work/w4
COPY src/file_0_161.txt /app/dir_8/
COPY src/file_0_162.txt /app/dir_9/
WORKDIR /work/w7
USER root
ENV VAR_0_165=value_0_165 OTHER_0_165=${A_0_1}
ARG A_0_166=default_0_166
ARG A_0_167=default_0_167
ARG A_0_168=default_0_168
RUN echo step 0_169 && mkdir -p /tmp/d0_169 && touch /tmp/d0_169/f
USER root
COPY src/file_0_171.txt /app/dir_1/
RUN echo step 0_172 && mkdir -p /tmp/d0_172 && touch /tmp/d0_172/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s0_173
COPY src/file_0_174.txt /app/dir_4/
ENV VAR_0_175=value_0_175 OTHER_0_175=${A_0_43}
USER root
COPY src/file_0_177.txt /app/dir_7/
COPY src/file_0_178.txt /app/dir_8/
RUN echo step 0_179 && mkdir -p /tmp/d0_179 && touch /tmp/d0_179/f
ARG A_0_180=default_0_180
COPY src/file_0_181.txt /app/dir_11/
WORKDIR /work/w0
COPY src/file_0_183.txt /app/dir_13/
USER root
RUN echo step 0_185 && mkdir -p /tmp/d0_185 && touch /tmp/d0_185/f
RUN echo step 0_186 && mkdir -p /tmp/d0_186 && touch /tmp/d0_186/f
EXPOSE 8187/tcp
COPY src/file_0_188.txt /app/dir_1/
ARG A_0_189=default_0_189
ENV VAR_0_190=value_0_190 OTHER_0_190=${A_0_68}
RUN echo step 0_191 && mkdir -p /tmp/d0_191 && touch /tmp/d0_191/f
RUN echo step 0_192 && mkdir -p /tmp/d0_192 && touch /tmp/d0_192/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s0_193
RUN echo step 0_194 && mkdir -p /tmp/d0_194 && touch /tmp/d0_194/f
RUN echo step 0_195 && mkdir -p /tmp/d0_195 && touch /tmp/d0_195/f
RUN echo step 0_196 && mkdir -p /tmp/d0_196 && touch /tmp/d0_196/f
EXPOSE 8197/tcp
ARG A_0_198=default_0_198
RUN echo step 0_199 && mkdir -p /tmp/d0_199 && touch /tmp/d0_199/f
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s1
ENV VAR_1_0=value_1_0 OTHER_1_0=${A_0_43}
RUN echo step 1_1 && mkdir -p /tmp/d1_1 && touch /tmp/d1_1/f
EXPOSE 8002/tcp
RUN echo step 1_3 && mkdir -p /tmp/d1_3 && touch /tmp/d1_3/f
COPY --from=s0 /tmp /from-1_4/
COPY src/file_1_5.txt /app/dir_5/
ARG A_1_6=default_1_6
LABEL org.example.l1_7="label 1_7"
LABEL org.example.l1_8="label 1_8"
LABEL org.example.l1_9="label 1_9"
RUN echo step 1_10 && mkdir -p /tmp/d1_10 && touch /tmp/d1_10/f
LABEL org.example.l1_11="label 1_11"
RUN echo step 1_12 && mkdir -p /tmp/d1_12 && touch /tmp/d1_12/f
ENV VAR_1_13=value_1_13 OTHER_1_13=${A_0_148}
COPY --from=s0 /tmp /from-1_14/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s1_15
COPY src/file_1_16.txt /app/dir_16/
RUN echo step 1_17 && mkdir -p /tmp/d1_17 && touch /tmp/d1_17/f
COPY src/file_1_18.txt /app/dir_1/
COPY --from=s0 /tmp /from-1_19/
ENV VAR_1_20=value_1_20 OTHER_1_20=${A_0_68}
RUN echo step 1_21 && mkdir -p /tmp/d1_21 && touch /tmp/d1_21/f
ENV VAR_1_22=value_1_22 OTHER_1_22=${A_0_166}
COPY src/file_1_23.txt /app/dir_6/
RUN echo step 1_24 && mkdir -p /tmp/d1_24 && touch /tmp/d1_24/f
COPY src/file_1_25.txt /app/dir_8/
ENV VAR_1_26=value_1_26 OTHER_1_26=${A_0_68}
RUN echo step 1_27 && mkdir -p /tmp/d1_27 && touch /tmp/d1_27/f
COPY src/file_1_28.txt /app/dir_11/
RUN echo step 1_29 && mkdir -p /tmp/d1_29 && touch /tmp/d1_29/f
WORKDIR /work/w4
RUN echo step 1_31 && mkdir -p /tmp/d1_31 && touch /tmp/d1_31/f
RUN echo step 1_32 && mkdir -p /tmp/d1_32 && touch /tmp/d1_32/f
COPY src/file_1_33.txt /app/dir_16/
ENV VAR_1_34=value_1_34 OTHER_1_34=${A_0_180}
ENV VAR_1_35=value_1_35 OTHER_1_35=${A_0_84}
LABEL org.example.l1_36="label 1_36"
COPY src/file_1_37.txt /app/dir_3/
RUN echo step 1_38 && mkdir -p /tmp/d1_38 && touch /tmp/d1_38/f
RUN echo step 1_39 && mkdir -p /tmp/d1_39 && touch /tmp/d1_39/f
COPY src/file_1_40.txt /app/dir_6/
COPY --from=s0 /tmp /from-1_41/
RUN echo step 1_42 && mkdir -p /tmp/d1_42 && touch /tmp/d1_42/f
RUN echo step 1_43 && mkdir -p /tmp/d1_43 && touch /tmp/d1_43/f
RUN echo step 1_44 && mkdir -p /tmp/d1_44 && touch /tmp/d1_44/f
RUN echo step 1_45 && mkdir -p /tmp/d1_45 && touch /tmp/d1_45/f
COPY src/file_1_46.txt /app/dir_12/
RUN echo step 1_47 && mkdir -p /tmp/d1_47 && touch /tmp/d1_47/f
RUN echo step 1_48 && mkdir -p /tmp/d1_48 && touch /tmp/d1_48/f
RUN echo step 1_49 && mkdir -p /tmp/d1_49 && touch /tmp/d1_49/f
EXPOSE 8050/tcp
COPY src/file_1_51.txt /app/dir_0/
COPY --from=s0 /tmp /from-1_52/
EXPOSE 8053/tcp
LABEL org.example.l1_54="label 1_54"
RUN echo step 1_55 && mkdir -p /tmp/d1_55 && touch /tmp/d1_55/f
EXPOSE 8056/tcp
COPY src/file_1_57.txt /app/dir_6/
ENV VAR_1_58=value_1_58 OTHER_1_58=${A_0_43}
RUN echo step 1_59 && mkdir -p /tmp/d1_59 && touch /tmp/d1_59/f
WORKDIR /work/w8
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s1_61
RUN echo step 1_62 && mkdir -p /tmp/d1_62 && touch /tmp/d1_62/f
ARG A_1_63=default_1_63
LABEL org.example.l1_64="label 1_64"
ENV VAR_1_65=value_1_65 OTHER_1_65=${A_0_68}
EXPOSE 8066/tcp
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s1_67
WORKDIR /work/w3
LABEL org.example.l1_69="label 1_69"
ENV VAR_1_70=value_1_70 OTHER_1_70=${A_0_166}
ARG A_1_71=default_1_71
EXPOSE 8072/tcp
RUN echo step 1_73 && mkdir -p /tmp/d1_73 && touch /tmp/d1_73/f
RUN echo step 1_74 && mkdir -p /tmp/d1_74 && touch /tmp/d1_74/f
USER root
COPY src/file_1_76.txt /app/dir_8/
ARG A_1_77=default_1_77
RUN echo step 1_78 && mkdir -p /tmp/d1_78 && touch /tmp/d1_78/f
RUN echo step 1_79 && mkdir -p /tmp/d1_79 && touch /tmp/d1_79/f
WORKDIR /work/w2
ARG A_1_81=default_1_81
WORKDIR /work/w4
COPY src/file_1_83.txt /app/dir_15/
ENV VAR_1_84=value_1_84 OTHER_1_84=${A_0_180}
RUN echo step 1_85 && mkdir -p /tmp/d1_85 && touch /tmp/d1_85/f
COPY src/file_1_86.txt /app/dir_1/
WORKDIR /work/w9
RUN echo step 1_88 && mkdir -p /tmp/d1_88 && touch /tmp/d1_88/f
LABEL org.example.l1_89="label 1_89"
USER root
ENV VAR_1_91=value_1_91 OTHER_1_91=${A_0_85}
USER root
ENV VAR_1_93=value_1_93 OTHER_1_93=${A_0_105}
LABEL org.example.l1_94="label 1_94"
COPY --from=s0 /tmp /from-1_95/
ARG A_1_96=default_1_96
COPY src/file_1_97.txt /app/dir_12/
COPY src/file_1_98.txt /app/dir_13/
COPY src/file_1_99.txt /app/dir_14/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s1_100
EXPOSE 8101/tcp
RUN echo step 1_102 && mkdir -p /tmp/d1_102 && touch /tmp/d1_102/f
RUN echo step 1_103 && mkdir -p /tmp/d1_103 && touch /tmp/d1_103/f
RUN echo step 1_104 && mkdir -p /tmp/d1_104 && touch /tmp/d1_104/f
RUN echo step 1_105 && mkdir -p /tmp/d1_105 && touch /tmp/d1_105/f
WORKDIR /work/w2
LABEL org.example.l1_107="label 1_107"
COPY src/file_1_108.txt /app/dir_6/
ARG A_1_109=default_1_109
COPY --from=s0 /tmp /from-1_110/
LABEL org.example.l1_111="label 1_111"
ENV VAR_1_112=value_1_112 OTHER_1_112=${A_0_34}
COPY src/file_1_113.txt /app/dir_11/
ENV VAR_1_114=value_1_114 OTHER_1_114=${A_0_85}
ENV VAR_1_115=value_1_115 OTHER_1_115=${A_0_43}
RUN echo step 1_116 && mkdir -p /tmp/d1_116 && touch /tmp/d1_116/f
WORKDIR /work/w0
RUN echo step 1_118 && mkdir -p /tmp/d1_118 && touch /tmp/d1_118/f
EXPOSE 8119/tcp
LABEL org.example.l1_120="label 1_120"
ENV VAR_1_121=value_1_121 OTHER_1_121=${A_0_168}
COPY src/file_1_122.txt /app/dir_3/
EXPOSE 8123/tcp
USER root
LABEL org.example.l1_125="label 1_125"
ARG A_1_126=default_1_126
EXPOSE 8127/tcp
RUN echo step 1_128 && mkdir -p /tmp/d1_128 && touch /tmp/d1_128/f
RUN echo step 1_129 && mkdir -p /tmp/d1_129 && touch /tmp/d1_129/f
ARG A_1_130=default_1_130
RUN echo step 1_131 && mkdir -p /tmp/d1_131 && touch /tmp/d1_131/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s1_132
LABEL org.example.l1_133="label 1_133"
COPY src/file_1_134.txt /app/dir_15/
USER root
ENV VAR_1_136=value_1_136 OTHER_1_136=${VERSION}
COPY src/file_1_137.txt /app/dir_1/
RUN echo step 1_138 && mkdir -p /tmp/d1_138 && touch /tmp/d1_138/f
ARG A_1_139=default_1_139
RUN echo step 1_140 && mkdir -p /tmp/d1_140 && touch /tmp/d1_140/f
EXPOSE 8141/tcp
ENV VAR_1_142=value_1_142 OTHER_1_142=${A_1_109}
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s1_143
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s1_144
RUN echo step 1_145 && mkdir -p /tmp/d1_145 && touch /tmp/d1_145/f
COPY --from=s0 /tmp /from-1_146/
USER root
LABEL org.example.l1_148="label 1_148"
ARG A_1_149=default_1_149
ARG A_1_150=default_1_150
ARG A_1_151=default_1_151
COPY --from=s0 /tmp /from-1_152/
COPY src/file_1_153.txt /app/dir_0/
ENV VAR_1_154=value_1_154 OTHER_1_154=${A_1_71}
USER root
COPY src/file_1_156.txt /app/dir_3/
ENV VAR_1_157=value_1_157 OTHER_1_157=${A_0_168}
RUN echo step 1_158 && mkdir -p /tmp/d1_158 && touch /tmp/d1_158/f
ENV VAR_1_159=value_1_159 OTHER_1_159=${A_1_81}
COPY --from=s0 /tmp /from-1_160/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s1_161
LABEL org.example.l1_162="label 1_162"
LABEL org.example.l1_163="label 1_163"
LABEL org.example.l1_164="label 1_164"
RUN echo step 1_165 && mkdir -p /tmp/d1_165 && touch /tmp/d1_165/f
ARG A_1_166=default_1_166
RUN echo step 1_167 && mkdir -p /tmp/d1_167 && touch /tmp/d1_167/f
LABEL org.example.l1_168="label 1_168"
USER root
USER root
RUN echo step 1_171 && mkdir -p /tmp/d1_171 && touch /tmp/d1_171/f
LABEL org.example.l1_172="label 1_172"
USER root
LABEL org.example.l1_174="label 1_174"
WORKDIR /work/w6
ENV VAR_1_176=value_1_176 OTHER_1_176=${A_1_81}
ENV VAR_1_177=value_1_177 OTHER_1_177=${A_0_180}
RUN echo step 1_178 && mkdir -p /tmp/d1_178 && touch /tmp/d1_178/f
ARG A_1_179=default_1_179
RUN echo step 1_180 && mkdir -p /tmp/d1_180 && touch /tmp/d1_180/f
ENV VAR_1_181=value_1_181 OTHER_1_181=${A_0_168}
COPY src/file_1_182.txt /app/dir_12/
ENV VAR_1_183=value_1_183 OTHER_1_183=${A_0_34}
RUN echo step 1_184 && mkdir -p /tmp/d1_184 && touch /tmp/d1_184/f
LABEL org.example.l1_185="label 1_185"
RUN echo step 1_186 && mkdir -p /tmp/d1_186 && touch /tmp/d1_186/f
ENV VAR_1_187=value_1_187 OTHER_1_187=${A_1_166}
COPY src/file_1_188.txt /app/dir_1/
ARG A_1_189=default_1_189
COPY --from=s0 /tmp /from-1_190/
COPY src/file_1_191.txt /app/dir_4/
RUN echo step 1_192 && mkdir -p /tmp/d1_192 && touch /tmp/d1_192/f
COPY src/file_1_193.txt /app/dir_6/
COPY src/file_1_194.txt /app/dir_7/
RUN echo step 1_195 && mkdir -p /tmp/d1_195 && touch /tmp/d1_195/f
LABEL org.example.l1_196="label 1_196"
RUN echo step 1_197 && mkdir -p /tmp/d1_197 && touch /tmp/d1_197/f
ENV VAR_1_198=value_1_198 OTHER_1_198=${A_1_151}
RUN echo step 1_199 && mkdir -p /tmp/d1_199 && touch /tmp/d1_199/f
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s2
COPY src/file_2_0.txt /app/dir_0/
COPY src/file_2_1.txt /app/dir_1/
ENV VAR_2_2=value_2_2 OTHER_2_2=${A_1_166}
COPY src/file_2_3.txt /app/dir_3/
RUN echo step 2_4 && mkdir -p /tmp/d2_4 && touch /tmp/d2_4/f
COPY src/file_2_5.txt /app/dir_5/
ENV VAR_2_6=value_2_6 OTHER_2_6=${A_0_166}
ENV VAR_2_7=value_2_7 OTHER_2_7=${A_0_34}
ENV VAR_2_8=value_2_8 OTHER_2_8=${A_1_77}
EXPOSE 8009/tcp
WORKDIR /work/w10
RUN echo step 2_11 && mkdir -p /tmp/d2_11 && touch /tmp/d2_11/f
ENV VAR_2_12=value_2_12 OTHER_2_12=${A_0_1}
RUN echo step 2_13 && mkdir -p /tmp/d2_13 && touch /tmp/d2_13/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s2_14
RUN echo step 2_15 && mkdir -p /tmp/d2_15 && touch /tmp/d2_15/f
ENV VAR_2_16=value_2_16 OTHER_2_16=${A_0_68}
COPY src/file_2_17.txt /app/dir_0/
RUN echo step 2_18 && mkdir -p /tmp/d2_18 && touch /tmp/d2_18/f
RUN echo step 2_19 && mkdir -p /tmp/d2_19 && touch /tmp/d2_19/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s2_20
ENV VAR_2_21=value_2_21 OTHER_2_21=${A_1_149}
LABEL org.example.l2_22="label 2_22"
ENV VAR_2_23=value_2_23 OTHER_2_23=${A_0_168}
LABEL org.example.l2_24="label 2_24"
COPY src/file_2_25.txt /app/dir_8/
LABEL org.example.l2_26="label 2_26"
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s2_27
RUN echo step 2_28 && mkdir -p /tmp/d2_28 && touch /tmp/d2_28/f
COPY src/file_2_29.txt /app/dir_12/
ENV VAR_2_30=value_2_30 OTHER_2_30=${A_0_189}
COPY src/file_2_31.txt /app/dir_14/
RUN echo step 2_32 && mkdir -p /tmp/d2_32 && touch /tmp/d2_32/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s2_33
ENV VAR_2_34=value_2_34 OTHER_2_34=${A_0_129}
WORKDIR /work/w9
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s2_36
COPY src/file_2_37.txt /app/dir_3/
RUN echo step 2_38 && mkdir -p /tmp/d2_38 && touch /tmp/d2_38/f
ENV VAR_2_39=value_2_39 OTHER_2_39=${A_1_149}
ENV VAR_2_40=value_2_40 OTHER_2_40=${A_0_180}
USER root
ENV VAR_2_42=value_2_42 OTHER_2_42=${A_0_158}
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s2_43
LABEL org.example.l2_44="label 2_44"
RUN echo step 2_45 && mkdir -p /tmp/d2_45 && touch /tmp/d2_45/f
RUN echo step 2_46 && mkdir -p /tmp/d2_46 && touch /tmp/d2_46/f
RUN echo step 2_47 && mkdir -p /tmp/d2_47 && touch /tmp/d2_47/f
ENV VAR_2_48=value_2_48 OTHER_2_48=${A_1_189}
ARG A_2_49=default_2_49
USER root
EXPOSE 8051/tcp
ENV VAR_2_52=value_2_52 OTHER_2_52=${A_1_139}
ENV VAR_2_53=value_2_53 OTHER_2_53=${A_1_151}
USER root
RUN echo step 2_55 && mkdir -p /tmp/d2_55 && touch /tmp/d2_55/f
LABEL org.example.l2_56="label 2_56"
ARG A_2_57=default_2_57
EXPOSE 8058/tcp
ARG A_2_59=default_2_59
RUN echo step 2_60 && mkdir -p /tmp/d2_60 && touch /tmp/d2_60/f
ENV VAR_2_61=value_2_61 OTHER_2_61=${A_1_166}
LABEL org.example.l2_62="label 2_62"
WORKDIR /work/w11
RUN echo step 2_64 && mkdir -p /tmp/d2_64 && touch /tmp/d2_64/f
RUN echo step 2_65 && mkdir -p /tmp/d2_65 && touch /tmp/d2_65/f
LABEL org.example.l2_66="label 2_66"
ENV VAR_2_67=value_2_67 OTHER_2_67=${A_1_77}
LABEL org.example.l2_68="label 2_68"
COPY --from=s1 /tmp /from-2_69/
RUN echo step 2_70 && mkdir -p /tmp/d2_70 && touch /tmp/d2_70/f
ENV VAR_2_71=value_2_71 OTHER_2_71=${VERSION}
EXPOSE 8072/tcp
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s2_73
RUN echo step 2_74 && mkdir -p /tmp/d2_74 && touch /tmp/d2_74/f
COPY src/file_2_75.txt /app/dir_7/
RUN echo step 2_76 && mkdir -p /tmp/d2_76 && touch /tmp/d2_76/f
WORKDIR /work/w12
ENV VAR_2_78=value_2_78 OTHER_2_78=${A_1_63}
ENV VAR_2_79=value_2_79 OTHER_2_79=${A_1_63}
COPY src/file_2_80.txt /app/dir_12/
ENV VAR_2_81=value_2_81 OTHER_2_81=${A_0_152}
COPY src/file_2_82.txt /app/dir_14/
COPY --from=s1 /tmp /from-2_83/
LABEL org.example.l2_84="label 2_84"
WORKDIR /work/w7
RUN echo step 2_86 && mkdir -p /tmp/d2_86 && touch /tmp/d2_86/f
USER root
RUN echo step 2_88 && mkdir -p /tmp/d2_88 && touch /tmp/d2_88/f
WORKDIR /work/w11
RUN echo step 2_90 && mkdir -p /tmp/d2_90 && touch /tmp/d2_90/f
LABEL org.example.l2_91="label 2_91"
ENV VAR_2_92=value_2_92 OTHER_2_92=${A_0_84}
ENV VAR_2_93=value_2_93 OTHER_2_93=${A_0_189}
RUN echo step 2_94 && mkdir -p /tmp/d2_94 && touch /tmp/d2_94/f
ENV VAR_2_95=value_2_95 OTHER_2_95=${A_0_180}
RUN echo step 2_96 && mkdir -p /tmp/d2_96 && touch /tmp/d2_96/f
WORKDIR /work/w6
COPY src/file_2_98.txt /app/dir_13/
COPY src/file_2_99.txt /app/dir_14/
RUN echo step 2_100 && mkdir -p /tmp/d2_100 && touch /tmp/d2_100/f
ENV VAR_2_101=value_2_101 OTHER_2_101=${A_1_96}
COPY --from=s1 /tmp /from-2_102/
EXPOSE 8103/tcp
RUN echo step 2_104 && mkdir -p /tmp/d2_104 && touch /tmp/d2_104/f
COPY src/file_2_105.txt /app/dir_3/
ENV VAR_2_106=value_2_106 OTHER_2_106=${A_1_109}
RUN echo step 2_107 && mkdir -p /tmp/d2_107 && touch /tmp/d2_107/f
COPY src/file_2_108.txt /app/dir_6/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s2_109
LABEL org.example.l2_110="label 2_110"
ENV VAR_2_111=value_2_111 OTHER_2_111=${A_1_189}
ENV VAR_2_112=value_2_112 OTHER_2_112=${A_1_149}
RUN echo step 2_113 && mkdir -p /tmp/d2_113 && touch /tmp/d2_113/f
LABEL org.example.l2_114="label 2_114"
LABEL org.example.l2_115="label 2_115"
COPY src/file_2_116.txt /app/dir_14/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s2_117
RUN echo step 2_118 && mkdir -p /tmp/d2_118 && touch /tmp/d2_118/f
LABEL org.example.l2_119="label 2_119"
RUN echo step 2_120 && mkdir -p /tmp/d2_120 && touch /tmp/d2_120/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s2_121
ENV VAR_2_122=value_2_122 OTHER_2_122=${A_0_141}
ENV VAR_2_123=value_2_123 OTHER_2_123=${A_1_151}
COPY --from=s1 /tmp /from-2_124/
RUN echo step 2_125 && mkdir -p /tmp/d2_125 && touch /tmp/d2_125/f
ARG A_2_126=default_2_126
COPY --from=s1 /tmp /from-2_127/
USER root
RUN echo step 2_129 && mkdir -p /tmp/d2_129 && touch /tmp/d2_129/f
ENV VAR_2_130=value_2_130 OTHER_2_130=${A_0_152}
LABEL org.example.l2_131="label 2_131"
ARG A_2_132=default_2_132
RUN echo step 2_133 && mkdir -p /tmp/d2_133 && touch /tmp/d2_133/f
WORKDIR /work/w4
WORKDIR /work/w5
COPY src/file_2_136.txt /app/dir_0/
ARG A_2_137=default_2_137
ENV VAR_2_138=value_2_138 OTHER_2_138=${A_1_109}
WORKDIR /work/w9
COPY src/file_2_140.txt /app/dir_4/
ARG A_2_141=default_2_141
LABEL org.example.l2_142="label 2_142"
COPY src/file_2_143.txt /app/dir_7/
RUN echo step 2_144 && mkdir -p /tmp/d2_144 && touch /tmp/d2_144/f
RUN echo step 2_145 && mkdir -p /tmp/d2_145 && touch /tmp/d2_145/f
WORKDIR /work/w3
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s2_147
RUN echo step 2_148 && mkdir -p /tmp/d2_148 && touch /tmp/d2_148/f
COPY src/file_2_149.txt /app/dir_13/
COPY src/file_2_150.txt /app/dir_14/
ENV VAR_2_151=value_2_151 OTHER_2_151=${A_0_167}
WORKDIR /work/w9
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s2_153
RUN echo step 2_154 && mkdir -p /tmp/d2_154 && touch /tmp/d2_154/f
WORKDIR /work/w12
COPY src/file_2_156.txt /app/dir_3/
USER root
ENV VAR_2_158=value_2_158 OTHER_2_158=${A_1_126}
COPY src/file_2_159.txt /app/dir_6/
COPY --from=s1 /tmp /from-2_160/
RUN echo step 2_161 && mkdir -p /tmp/d2_161 && touch /tmp/d2_161/f
RUN echo step 2_162 && mkdir -p /tmp/d2_162 && touch /tmp/d2_162/f
ENV VAR_2_163=value_2_163 OTHER_2_163=${A_1_96}
EXPOSE 8164/tcp
EXPOSE 8165/tcp
RUN echo step 2_166 && mkdir -p /tmp/d2_166 && touch /tmp/d2_166/f
RUN echo step 2_167 && mkdir -p /tmp/d2_167 && touch /tmp/d2_167/f
RUN echo step 2_168 && mkdir -p /tmp/d2_168 && touch /tmp/d2_168/f
COPY src/file_2_169.txt /app/dir_16/
ARG A_2_170=default_2_170
ARG A_2_171=default_2_171
USER root
ENV VAR_2_173=value_2_173 OTHER_2_173=${A_2_171}
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s2_174
COPY src/file_2_175.txt /app/dir_5/
RUN echo step 2_176 && mkdir -p /tmp/d2_176 && touch /tmp/d2_176/f
RUN echo step 2_177 && mkdir -p /tmp/d2_177 && touch /tmp/d2_177/f
ENV VAR_2_178=value_2_178 OTHER_2_178=${A_0_105}
LABEL org.example.l2_179="label 2_179"
COPY --from=s1 /tmp /from-2_180/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s2_181
LABEL org.example.l2_182="label 2_182"
ENV VAR_2_183=value_2_183 OTHER_2_183=${A_0_168}
RUN echo step 2_184 && mkdir -p /tmp/d2_184 && touch /tmp/d2_184/f
RUN echo step 2_185 && mkdir -p /tmp/d2_185 && touch /tmp/d2_185/f
COPY src/file_2_186.txt /app/dir_16/
ENV VAR_2_187=value_2_187 OTHER_2_187=${A_0_198}
RUN echo step 2_188 && mkdir -p /tmp/d2_188 && touch /tmp/d2_188/f
RUN echo step 2_189 && mkdir -p /tmp/d2_189 && touch /tmp/d2_189/f
WORKDIR /work/w8
ARG A_2_191=default_2_191
RUN echo step 2_192 && mkdir -p /tmp/d2_192 && touch /tmp/d2_192/f
ENV VAR_2_193=value_2_193 OTHER_2_193=${A_0_198}
USER root
LABEL org.example.l2_195="label 2_195"
WORKDIR /work/w1
COPY src/file_2_197.txt /app/dir_10/
LABEL org.example.l2_198="label 2_198"
RUN echo step 2_199 && mkdir -p /tmp/d2_199 && touch /tmp/d2_199/f
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s3
RUN echo step 3_0 && mkdir -p /tmp/d3_0 && touch /tmp/d3_0/f
ENV VAR_3_1=value_3_1 OTHER_3_1=${A_1_109}
COPY src/file_3_2.txt /app/dir_2/
LABEL org.example.l3_3="label 3_3"
ENV VAR_3_4=value_3_4 OTHER_3_4=${A_1_150}
COPY --from=s2 /tmp /from-3_5/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s3_6
ENV VAR_3_7=value_3_7 OTHER_3_7=${A_0_166}
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s3_8
EXPOSE 8009/tcp
ARG A_3_10=default_3_10
ENV VAR_3_11=value_3_11 OTHER_3_11=${A_1_63}
COPY src/file_3_12.txt /app/dir_12/
WORKDIR /work/w0
RUN echo step 3_14 && mkdir -p /tmp/d3_14 && touch /tmp/d3_14/f
ENV VAR_3_15=value_3_15 OTHER_3_15=${A_0_189}
COPY src/file_3_16.txt /app/dir_16/
RUN echo step 3_17 && mkdir -p /tmp/d3_17 && touch /tmp/d3_17/f
ARG A_3_18=default_3_18
USER root
WORKDIR /work/w7
COPY src/file_3_21.txt /app/dir_4/
LABEL org.example.l3_22="label 3_22"
ARG A_3_23=default_3_23
COPY src/file_3_24.txt /app/dir_7/
LABEL org.example.l3_25="label 3_25"
EXPOSE 8026/tcp
RUN echo step 3_27 && mkdir -p /tmp/d3_27 && touch /tmp/d3_27/f
ARG A_3_28=default_3_28
ARG A_3_29=default_3_29
RUN echo step 3_30 && mkdir -p /tmp/d3_30 && touch /tmp/d3_30/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s3_31
EXPOSE 8032/tcp
ENV VAR_3_33=value_3_33 OTHER_3_33=${A_1_96}
ENV VAR_3_34=value_3_34 OTHER_3_34=${A_0_1}
USER root
ENV VAR_3_36=value_3_36 OTHER_3_36=${A_0_43}
COPY src/file_3_37.txt /app/dir_3/
ARG A_3_38=default_3_38
RUN echo step 3_39 && mkdir -p /tmp/d3_39 && touch /tmp/d3_39/f
COPY src/file_3_40.txt /app/dir_6/
WORKDIR /work/w2
ENV VAR_3_42=value_3_42 OTHER_3_42=${A_0_74}
EXPOSE 8043/tcp
WORKDIR /work/w5
ARG A_3_45=default_3_45
EXPOSE 8046/tcp
COPY src/file_3_47.txt /app/dir_13/
ENV VAR_3_48=value_3_48 OTHER_3_48=${A_2_141}
COPY src/file_3_49.txt /app/dir_15/
COPY src/file_3_50.txt /app/dir_16/
USER root
RUN echo step 3_52 && mkdir -p /tmp/d3_52 && touch /tmp/d3_52/f
ENV VAR_3_53=value_3_53 OTHER_3_53=${A_0_74}
LABEL org.example.l3_54="label 3_54"
WORKDIR /work/w3
EXPOSE 8056/tcp
ENV VAR_3_57=value_3_57 OTHER_3_57=${A_3_23}
ARG A_3_58=default_3_58
WORKDIR /work/w7
COPY src/file_3_60.txt /app/dir_9/
COPY src/file_3_61.txt /app/dir_10/
RUN echo step 3_62 && mkdir -p /tmp/d3_62 && touch /tmp/d3_62/f
ENV VAR_3_63=value_3_63 OTHER_3_63=${A_1_149}
ARG A_3_64=default_3_64
RUN echo step 3_65 && mkdir -p /tmp/d3_65 && touch /tmp/d3_65/f
RUN echo step 3_66 && mkdir -p /tmp/d3_66 && touch /tmp/d3_66/f
WORKDIR /work/w2
COPY src/file_3_68.txt /app/dir_0/
RUN echo step 3_69 && mkdir -p /tmp/d3_69 && touch /tmp/d3_69/f
RUN echo step 3_70 && mkdir -p /tmp/d3_70 && touch /tmp/d3_70/f
LABEL org.example.l3_71="label 3_71"
RUN echo step 3_72 && mkdir -p /tmp/d3_72 && touch /tmp/d3_72/f
RUN echo step 3_73 && mkdir -p /tmp/d3_73 && touch /tmp/d3_73/f
WORKDIR /work/w9
RUN echo step 3_75 && mkdir -p /tmp/d3_75 && touch /tmp/d3_75/f
COPY src/file_3_76.txt /app/dir_8/
ENV VAR_3_77=value_3_77 OTHER_3_77=${A_0_152}
COPY src/file_3_78.txt /app/dir_10/
COPY --from=s2 /tmp /from-3_79/
WORKDIR /work/w2
LABEL org.example.l3_81="label 3_81"
EXPOSE 8082/tcp
RUN echo step 3_83 && mkdir -p /tmp/d3_83 && touch /tmp/d3_83/f
LABEL org.example.l3_84="label 3_84"
COPY src/file_3_85.txt /app/dir_0/
WORKDIR /work/w8
LABEL org.example.l3_87="label 3_87"
ENV VAR_3_88=value_3_88 OTHER_3_88=${A_3_23}
RUN echo step 3_89 && mkdir -p /tmp/d3_89 && touch /tmp/d3_89/f
COPY src/file_3_90.txt /app/dir_5/
EXPOSE 8091/tcp
ENV VAR_3_92=value_3_92 OTHER_3_92=${A_3_45}
LABEL org.example.l3_93="label 3_93"
RUN echo step 3_94 && mkdir -p /tmp/d3_94 && touch /tmp/d3_94/f
EXPOSE 8095/tcp
EXPOSE 8096/tcp
WORKDIR /work/w6
LABEL org.example.l3_98="label 3_98"
RUN echo step 3_99 && mkdir -p /tmp/d3_99 && touch /tmp/d3_99/f
RUN echo step 3_100 && mkdir -p /tmp/d3_100 && touch /tmp/d3_100/f
EXPOSE 8101/tcp
ARG A_3_102=default_3_102
COPY src/file_3_103.txt /app/dir_1/
COPY src/file_3_104.txt /app/dir_2/
COPY src/file_3_105.txt /app/dir_3/
COPY src/file_3_106.txt /app/dir_4/
RUN echo step 3_107 && mkdir -p /tmp/d3_107 && touch /tmp/d3_107/f
WORKDIR /work/w4
WORKDIR /work/w5
WORKDIR /work/w6
COPY src/file_3_111.txt /app/dir_9/
ENV VAR_3_112=value_3_112 OTHER_3_112=${A_0_152}
RUN echo step 3_113 && mkdir -p /tmp/d3_113 && touch /tmp/d3_113/f
ARG A_3_114=default_3_114
RUN echo step 3_115 && mkdir -p /tmp/d3_115 && touch /tmp/d3_115/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s3_116
RUN echo step 3_117 && mkdir -p /tmp/d3_117 && touch /tmp/d3_117/f
RUN echo step 3_118 && mkdir -p /tmp/d3_118 && touch /tmp/d3_118/f
ARG A_3_119=default_3_119
RUN echo step 3_120 && mkdir -p /tmp/d3_120 && touch /tmp/d3_120/f
ENV VAR_3_121=value_3_121 OTHER_3_121=${A_0_68}
LABEL org.example.l3_122="label 3_122"
ENV VAR_3_123=value_3_123 OTHER_3_123=${A_0_84}
RUN echo step 3_124 && mkdir -p /tmp/d3_124 && touch /tmp/d3_124/f
USER root
USER root
ARG A_3_127=default_3_127
ENV VAR_3_128=value_3_128 OTHER_3_128=${A_1_139}
RUN echo step 3_129 && mkdir -p /tmp/d3_129 && touch /tmp/d3_129/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s3_130
COPY src/file_3_131.txt /app/dir_12/
COPY src/file_3_132.txt /app/dir_13/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s3_133
ENV VAR_3_134=value_3_134 OTHER_3_134=${A_3_58}
LABEL org.example.l3_135="label 3_135"
LABEL org.example.l3_136="label 3_136"
LABEL org.example.l3_137="label 3_137"
LABEL org.example.l3_138="label 3_138"
LABEL org.example.l3_139="label 3_139"
RUN echo step 3_140 && mkdir -p /tmp/d3_140 && touch /tmp/d3_140/f
ARG A_3_141=default_3_141
LABEL org.example.l3_142="label 3_142"
LABEL org.example.l3_143="label 3_143"
COPY --from=s2 /tmp /from-3_144/
ARG A_3_145=default_3_145
ENV VAR_3_146=value_3_146 OTHER_3_146=${A_0_168}
USER root
RUN echo step 3_148 && mkdir -p /tmp/d3_148 && touch /tmp/d3_148/f
LABEL org.example.l3_149="label 3_149"
COPY src/file_3_150.txt /app/dir_14/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s3_151
USER root
ENV VAR_3_153=value_3_153 OTHER_3_153=${A_1_149}
COPY --from=s2 /tmp /from-3_154/
LABEL org.example.l3_155="label 3_155"
RUN echo step 3_156 && mkdir -p /tmp/d3_156 && touch /tmp/d3_156/f
WORKDIR /work/w1
COPY --from=s2 /tmp /from-3_158/
LABEL org.example.l3_159="label 3_159"
ENV VAR_3_160=value_3_160 OTHER_3_160=${A_2_59}
USER root
RUN echo step 3_162 && mkdir -p /tmp/d3_162 && touch /tmp/d3_162/f
EXPOSE 8163/tcp
WORKDIR /work/w8
COPY src/file_3_165.txt /app/dir_12/
RUN echo step 3_166 && mkdir -p /tmp/d3_166 && touch /tmp/d3_166/f
LABEL org.example.l3_167="label 3_167"
COPY src/file_3_168.txt /app/dir_15/
EXPOSE 8169/tcp
ENV VAR_3_170=value_3_170 OTHER_3_170=${A_2_59}
COPY src/file_3_171.txt /app/dir_1/
WORKDIR /work/w3
ENV VAR_3_173=value_3_173 OTHER_3_173=${A_1_63}
ENV VAR_3_174=value_3_174 OTHER_3_174=${A_0_158}
USER root
ENV VAR_3_176=value_3_176 OTHER_3_176=${A_3_10}
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s3_177
ARG A_3_178=default_3_178
ENV VAR_3_179=value_3_179 OTHER_3_179=${A_1_6}
RUN echo step 3_180 && mkdir -p /tmp/d3_180 && touch /tmp/d3_180/f
WORKDIR /work/w12
RUN echo step 3_182 && mkdir -p /tmp/d3_182 && touch /tmp/d3_182/f
ENV VAR_3_183=value_3_183 OTHER_3_183=${A_0_34}
COPY src/file_3_184.txt /app/dir_14/
RUN echo step 3_185 && mkdir -p /tmp/d3_185 && touch /tmp/d3_185/f
ENV VAR_3_186=value_3_186 OTHER_3_186=${A_0_84}
COPY src/file_3_187.txt /app/dir_0/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s3_188
ARG A_3_189=default_3_189
RUN echo step 3_190 && mkdir -p /tmp/d3_190 && touch /tmp/d3_190/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s3_191
RUN echo step 3_192 && mkdir -p /tmp/d3_192 && touch /tmp/d3_192/f
LABEL org.example.l3_193="label 3_193"
USER root
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s3_195
RUN echo step 3_196 && mkdir -p /tmp/d3_196 && touch /tmp/d3_196/f
ENV VAR_3_197=value_3_197 OTHER_3_197=${A_3_18}
RUN echo step 3_198 && mkdir -p /tmp/d3_198 && touch /tmp/d3_198/f
WORKDIR /work/w4
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s4
RUN echo step 4_0 && mkdir -p /tmp/d4_0 && touch /tmp/d4_0/f
COPY src/file_4_1.txt /app/dir_1/
USER root
WORKDIR /work/w3
ARG A_4_4=default_4_4
COPY src/file_4_5.txt /app/dir_5/
ARG A_4_6=default_4_6
ENV VAR_4_7=value_4_7 OTHER_4_7=${A_1_6}
RUN echo step 4_8 && mkdir -p /tmp/d4_8 && touch /tmp/d4_8/f
COPY src/file_4_9.txt /app/dir_9/
RUN echo step 4_10 && mkdir -p /tmp/d4_10 && touch /tmp/d4_10/f
COPY --from=s3 /tmp /from-4_11/
RUN echo step 4_12 && mkdir -p /tmp/d4_12 && touch /tmp/d4_12/f
ARG A_4_13=default_4_13
ENV VAR_4_14=value_4_14 OTHER_4_14=${A_0_189}
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s4_15
COPY --from=s3 /tmp /from-4_16/
ENV VAR_4_17=value_4_17 OTHER_4_17=${A_3_18}
COPY src/file_4_18.txt /app/dir_1/
ARG A_4_19=default_4_19
WORKDIR /work/w7
ARG A_4_21=default_4_21
ARG A_4_22=default_4_22
ENV VAR_4_23=value_4_23 OTHER_4_23=${A_3_28}
RUN echo step 4_24 && mkdir -p /tmp/d4_24 && touch /tmp/d4_24/f
COPY src/file_4_25.txt /app/dir_8/
USER root
ARG A_4_27=default_4_27
ENV VAR_4_28=value_4_28 OTHER_4_28=${A_0_74}
USER root
RUN echo step 4_30 && mkdir -p /tmp/d4_30 && touch /tmp/d4_30/f
ENV VAR_4_31=value_4_31 OTHER_4_31=${A_3_28}
ENV VAR_4_32=value_4_32 OTHER_4_32=${A_1_6}
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s4_33
COPY src/file_4_34.txt /app/dir_0/
RUN echo step 4_35 && mkdir -p /tmp/d4_35 && touch /tmp/d4_35/f
RUN echo step 4_36 && mkdir -p /tmp/d4_36 && touch /tmp/d4_36/f
ARG A_4_37=default_4_37
RUN echo step 4_38 && mkdir -p /tmp/d4_38 && touch /tmp/d4_38/f
RUN echo step 4_39 && mkdir -p /tmp/d4_39 && touch /tmp/d4_39/f
ENV VAR_4_40=value_4_40 OTHER_4_40=${A_4_19}
ARG A_4_41=default_4_41
WORKDIR /work/w3
ENV VAR_4_43=value_4_43 OTHER_4_43=${A_1_81}
ENV VAR_4_44=value_4_44 OTHER_4_44=${A_4_41}
COPY src/file_4_45.txt /app/dir_11/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s4_46
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s4_47
WORKDIR /work/w9
WORKDIR /work/w10
RUN echo step 4_50 && mkdir -p /tmp/d4_50 && touch /tmp/d4_50/f
COPY src/file_4_51.txt /app/dir_0/
COPY src/file_4_52.txt /app/dir_1/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s4_53
LABEL org.example.l4_54="label 4_54"
LABEL org.example.l4_55="label 4_55"
WORKDIR /work/w4
WORKDIR /work/w5
RUN echo step 4_58 && mkdir -p /tmp/d4_58 && touch /tmp/d4_58/f
ARG A_4_59=default_4_59
ENV VAR_4_60=value_4_60 OTHER_4_60=${A_3_189}
RUN echo step 4_61 && mkdir -p /tmp/d4_61 && touch /tmp/d4_61/f
RUN echo step 4_62 && mkdir -p /tmp/d4_62 && touch /tmp/d4_62/f
RUN echo step 4_63 && mkdir -p /tmp/d4_63 && touch /tmp/d4_63/f
COPY src/file_4_64.txt /app/dir_13/
COPY src/file_4_65.txt /app/dir_14/
COPY src/file_4_66.txt /app/dir_15/
RUN echo step 4_67 && mkdir -p /tmp/d4_67 && touch /tmp/d4_67/f
ENV VAR_4_68=value_4_68 OTHER_4_68=${A_2_191}
RUN echo step 4_69 && mkdir -p /tmp/d4_69 && touch /tmp/d4_69/f
ENV VAR_4_70=value_4_70 OTHER_4_70=${A_3_114}
RUN echo step 4_71 && mkdir -p /tmp/d4_71 && touch /tmp/d4_71/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s4_72
ENV VAR_4_73=value_4_73 OTHER_4_73=${A_0_168}
ENV VAR_4_74=value_4_74 OTHER_4_74=${A_2_132}
COPY src/file_4_75.txt /app/dir_7/
RUN echo step 4_76 && mkdir -p /tmp/d4_76 && touch /tmp/d4_76/f
ENV VAR_4_77=value_4_77 OTHER_4_77=${A_4_6}
COPY --from=s3 /tmp /from-4_78/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s4_79
COPY src/file_4_80.txt /app/dir_12/
ENV VAR_4_81=value_4_81 OTHER_4_81=${A_0_105}
USER root
COPY src/file_4_83.txt /app/dir_15/
COPY src/file_4_84.txt /app/dir_16/
ARG A_4_85=default_4_85
USER root
RUN echo step 4_87 && mkdir -p /tmp/d4_87 && touch /tmp/d4_87/f
EXPOSE 8088/tcp
COPY --from=s3 /tmp /from-4_89/
ARG A_4_90=default_4_90
COPY src/file_4_91.txt /app/dir_6/
EXPOSE 8092/tcp
ENV VAR_4_93=value_4_93 OTHER_4_93=${A_2_171}
RUN echo step 4_94 && mkdir -p /tmp/d4_94 && touch /tmp/d4_94/f
LABEL org.example.l4_95="label 4_95"
WORKDIR /work/w5
RUN echo step 4_97 && mkdir -p /tmp/d4_97 && touch /tmp/d4_97/f
COPY --from=s3 /tmp /from-4_98/
RUN echo step 4_99 && mkdir -p /tmp/d4_99 && touch /tmp/d4_99/f
LABEL org.example.l4_100="label 4_100"
USER root
RUN echo step 4_102 && mkdir -p /tmp/d4_102 && touch /tmp/d4_102/f
RUN echo step 4_103 && mkdir -p /tmp/d4_103 && touch /tmp/d4_103/f
RUN echo step 4_104 && mkdir -p /tmp/d4_104 && touch /tmp/d4_104/f
LABEL org.example.l4_105="label 4_105"
WORKDIR /work/w2
ARG A_4_107=default_4_107
RUN echo step 4_108 && mkdir -p /tmp/d4_108 && touch /tmp/d4_108/f
RUN echo step 4_109 && mkdir -p /tmp/d4_109 && touch /tmp/d4_109/f
LABEL org.example.l4_110="label 4_110"
WORKDIR /work/w7
WORKDIR /work/w8
COPY src/file_4_113.txt /app/dir_11/
LABEL org.example.l4_114="label 4_114"
COPY src/file_4_115.txt /app/dir_13/
ENV VAR_4_116=value_4_116 OTHER_4_116=${A_3_10}
USER root
RUN echo step 4_118 && mkdir -p /tmp/d4_118 && touch /tmp/d4_118/f
RUN echo step 4_119 && mkdir -p /tmp/d4_119 && touch /tmp/d4_119/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s4_120
COPY --from=s3 /tmp /from-4_121/
LABEL org.example.l4_122="label 4_122"
RUN echo step 4_123 && mkdir -p /tmp/d4_123 && touch /tmp/d4_123/f
COPY src/file_4_124.txt /app/dir_5/
COPY src/file_4_125.txt /app/dir_6/
WORKDIR /work/w9
WORKDIR /work/w10
WORKDIR /work/w11
ENV VAR_4_129=value_4_129 OTHER_4_129=${A_2_141}
COPY src/file_4_130.txt /app/dir_11/
RUN echo step 4_131 && mkdir -p /tmp/d4_131 && touch /tmp/d4_131/f
ARG A_4_132=default_4_132
COPY src/file_4_133.txt /app/dir_14/
ENV VAR_4_134=value_4_134 OTHER_4_134=${A_4_19}
LABEL org.example.l4_135="label 4_135"
RUN echo step 4_136 && mkdir -p /tmp/d4_136 && touch /tmp/d4_136/f
USER root
RUN echo step 4_138 && mkdir -p /tmp/d4_138 && touch /tmp/d4_138/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s4_139
WORKDIR /work/w10
ENV VAR_4_141=value_4_141 OTHER_4_141=${A_0_68}
ARG A_4_142=default_4_142
LABEL org.example.l4_143="label 4_143"
RUN echo step 4_144 && mkdir -p /tmp/d4_144 && touch /tmp/d4_144/f
RUN echo step 4_145 && mkdir -p /tmp/d4_145 && touch /tmp/d4_145/f
WORKDIR /work/w3
ENV VAR_4_147=value_4_147 OTHER_4_147=${A_3_189}
ARG A_4_148=default_4_148
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s4_149
ENV VAR_4_150=value_4_150 OTHER_4_150=${VERSION}
RUN echo step 4_151 && mkdir -p /tmp/d4_151 && touch /tmp/d4_151/f
LABEL org.example.l4_152="label 4_152"
RUN echo step 4_153 && mkdir -p /tmp/d4_153 && touch /tmp/d4_153/f
RUN echo step 4_154 && mkdir -p /tmp/d4_154 && touch /tmp/d4_154/f
RUN echo step 4_155 && mkdir -p /tmp/d4_155 && touch /tmp/d4_155/f
LABEL org.example.l4_156="label 4_156"
ENV VAR_4_157=value_4_157 OTHER_4_157=${A_3_10}
RUN echo step 4_158 && mkdir -p /tmp/d4_158 && touch /tmp/d4_158/f
RUN echo step 4_159 && mkdir -p /tmp/d4_159 && touch /tmp/d4_159/f
ENV VAR_4_160=value_4_160 OTHER_4_160=${A_1_150}
COPY src/file_4_161.txt /app/dir_8/
RUN echo step 4_162 && mkdir -p /tmp/d4_162 && touch /tmp/d4_162/f
ENV VAR_4_163=value_4_163 OTHER_4_163=${A_0_189}
COPY --from=s3 /tmp /from-4_164/
COPY src/file_4_165.txt /app/dir_12/
RUN echo step 4_166 && mkdir -p /tmp/d4_166 && touch /tmp/d4_166/f
LABEL org.example.l4_167="label 4_167"
ENV VAR_4_168=value_4_168 OTHER_4_168=${A_4_41}
COPY --from=s3 /tmp /from-4_169/
RUN echo step 4_170 && mkdir -p /tmp/d4_170 && touch /tmp/d4_170/f
RUN echo step 4_171 && mkdir -p /tmp/d4_171 && touch /tmp/d4_171/f
RUN echo step 4_172 && mkdir -p /tmp/d4_172 && touch /tmp/d4_172/f
RUN echo step 4_173 && mkdir -p /tmp/d4_173 && touch /tmp/d4_173/f
RUN echo step 4_174 && mkdir -p /tmp/d4_174 && touch /tmp/d4_174/f
ARG A_4_175=default_4_175
ENV VAR_4_176=value_4_176 OTHER_4_176=${A_0_85}
RUN echo step 4_177 && mkdir -p /tmp/d4_177 && touch /tmp/d4_177/f
RUN echo step 4_178 && mkdir -p /tmp/d4_178 && touch /tmp/d4_178/f
LABEL org.example.l4_179="label 4_179"
ENV VAR_4_180=value_4_180 OTHER_4_180=${A_0_158}
ENV VAR_4_181=value_4_181 OTHER_4_181=${A_4_37}
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s4_182
ARG A_4_183=default_4_183
RUN echo step 4_184 && mkdir -p /tmp/d4_184 && touch /tmp/d4_184/f
RUN echo step 4_185 && mkdir -p /tmp/d4_185 && touch /tmp/d4_185/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s4_186
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s4_187
RUN echo step 4_188 && mkdir -p /tmp/d4_188 && touch /tmp/d4_188/f
RUN echo step 4_189 && mkdir -p /tmp/d4_189 && touch /tmp/d4_189/f
RUN echo step 4_190 && mkdir -p /tmp/d4_190 && touch /tmp/d4_190/f
ENV VAR_4_191=value_4_191 OTHER_4_191=${A_4_183}
ENV VAR_4_192=value_4_192 OTHER_4_192=${A_3_178}
COPY src/file_4_193.txt /app/dir_6/
ENV VAR_4_194=value_4_194 OTHER_4_194=${A_3_102}
COPY src/file_4_195.txt /app/dir_8/
RUN echo step 4_196 && mkdir -p /tmp/d4_196 && touch /tmp/d4_196/f
COPY src/file_4_197.txt /app/dir_10/
RUN echo step 4_198 && mkdir -p /tmp/d4_198 && touch /tmp/d4_198/f
ARG A_4_199=default_4_199
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s5
ENV VAR_5_0=value_5_0 OTHER_5_0=${A_1_139}
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s5_1
ENV VAR_5_2=value_5_2 OTHER_5_2=${A_1_166}
COPY src/file_5_3.txt /app/dir_3/
LABEL org.example.l5_4="label 5_4"
RUN echo step 5_5 && mkdir -p /tmp/d5_5 && touch /tmp/d5_5/f
RUN echo step 5_6 && mkdir -p /tmp/d5_6 && touch /tmp/d5_6/f
COPY src/file_5_7.txt /app/dir_7/
RUN echo step 5_8 && mkdir -p /tmp/d5_8 && touch /tmp/d5_8/f
LABEL org.example.l5_9="label 5_9"
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s5_10
USER root
ARG A_5_12=default_5_12
COPY --from=s4 /tmp /from-5_13/
ENV VAR_5_14=value_5_14 OTHER_5_14=${A_1_166}
COPY --from=s4 /tmp /from-5_15/
COPY src/file_5_16.txt /app/dir_16/
ARG A_5_17=default_5_17
ARG A_5_18=default_5_18
COPY --from=s4 /tmp /from-5_19/
ARG A_5_20=default_5_20
WORKDIR /work/w8
RUN echo step 5_22 && mkdir -p /tmp/d5_22 && touch /tmp/d5_22/f
WORKDIR /work/w10
COPY src/file_5_24.txt /app/dir_7/
EXPOSE 8025/tcp
USER root
COPY src/file_5_27.txt /app/dir_10/
RUN echo step 5_28 && mkdir -p /tmp/d5_28 && touch /tmp/d5_28/f
RUN echo step 5_29 && mkdir -p /tmp/d5_29 && touch /tmp/d5_29/f
RUN echo step 5_30 && mkdir -p /tmp/d5_30 && touch /tmp/d5_30/f
ENV VAR_5_31=value_5_31 OTHER_5_31=${A_0_43}
RUN echo step 5_32 && mkdir -p /tmp/d5_32 && touch /tmp/d5_32/f
COPY src/file_5_33.txt /app/dir_16/
RUN echo step 5_34 && mkdir -p /tmp/d5_34 && touch /tmp/d5_34/f
LABEL org.example.l5_35="label 5_35"
ARG A_5_36=default_5_36
RUN echo step 5_37 && mkdir -p /tmp/d5_37 && touch /tmp/d5_37/f
ENV VAR_5_38=value_5_38 OTHER_5_38=${A_1_63}
ENV VAR_5_39=value_5_39 OTHER_5_39=${A_0_43}
ENV VAR_5_40=value_5_40 OTHER_5_40=${A_4_175}
EXPOSE 8041/tcp
WORKDIR /work/w3
ENV VAR_5_43=value_5_43 OTHER_5_43=${A_0_43}
ENV VAR_5_44=value_5_44 OTHER_5_44=${A_0_180}
COPY src/file_5_45.txt /app/dir_11/
RUN echo step 5_46 && mkdir -p /tmp/d5_46 && touch /tmp/d5_46/f
COPY src/file_5_47.txt /app/dir_13/
COPY src/file_5_48.txt /app/dir_14/
ENV VAR_5_49=value_5_49 OTHER_5_49=${A_4_107}
COPY src/file_5_50.txt /app/dir_16/
ARG A_5_51=default_5_51
EXPOSE 8052/tcp
RUN echo step 5_53 && mkdir -p /tmp/d5_53 && touch /tmp/d5_53/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s5_54
COPY --from=s4 /tmp /from-5_55/
COPY src/file_5_56.txt /app/dir_5/
COPY src/file_5_57.txt /app/dir_6/
WORKDIR /work/w6
LABEL org.example.l5_59="label 5_59"
ARG A_5_60=default_5_60
ENV VAR_5_61=value_5_61 OTHER_5_61=${A_4_199}
ENV VAR_5_62=value_5_62 OTHER_5_62=${A_4_183}
RUN echo step 5_63 && mkdir -p /tmp/d5_63 && touch /tmp/d5_63/f
RUN echo step 5_64 && mkdir -p /tmp/d5_64 && touch /tmp/d5_64/f
ENV VAR_5_65=value_5_65 OTHER_5_65=${A_5_12}
ARG A_5_66=default_5_66
WORKDIR /work/w2
RUN echo step 5_68 && mkdir -p /tmp/d5_68 && touch /tmp/d5_68/f
ENV VAR_5_69=value_5_69 OTHER_5_69=${A_1_151}
EXPOSE 8070/tcp
ENV VAR_5_71=value_5_71 OTHER_5_71=${A_3_18}
COPY --from=s4 /tmp /from-5_72/
COPY src/file_5_73.txt /app/dir_5/
RUN echo step 5_74 && mkdir -p /tmp/d5_74 && touch /tmp/d5_74/f
RUN echo step 5_75 && mkdir -p /tmp/d5_75 && touch /tmp/d5_75/f
LABEL org.example.l5_76="label 5_76"
COPY src/file_5_77.txt /app/dir_9/
COPY src/file_5_78.txt /app/dir_10/
ENV VAR_5_79=value_5_79 OTHER_5_79=${A_4_19}
COPY src/file_5_80.txt /app/dir_12/
WORKDIR /work/w3
COPY src/file_5_82.txt /app/dir_14/
RUN echo step 5_83 && mkdir -p /tmp/d5_83 && touch /tmp/d5_83/f
ARG A_5_84=default_5_84
COPY src/file_5_85.txt /app/dir_0/
ENV VAR_5_86=value_5_86 OTHER_5_86=${A_2_49}
ARG A_5_87=default_5_87
ENV VAR_5_88=value_5_88 OTHER_5_88=${A_1_96}
LABEL org.example.l5_89="label 5_89"
COPY src/file_5_90.txt /app/dir_5/
ENV VAR_5_91=value_5_91 OTHER_5_91=${A_2_171}
RUN echo step 5_92 && mkdir -p /tmp/d5_92 && touch /tmp/d5_92/f
RUN echo step 5_93 && mkdir -p /tmp/d5_93 && touch /tmp/d5_93/f
COPY src/file_5_94.txt /app/dir_9/
ARG A_5_95=default_5_95
RUN echo step 5_96 && mkdir -p /tmp/d5_96 && touch /tmp/d5_96/f
WORKDIR /work/w6
COPY src/file_5_98.txt /app/dir_13/
LABEL org.example.l5_99="label 5_99"
EXPOSE 8100/tcp
LABEL org.example.l5_101="label 5_101"
ARG A_5_102=default_5_102
COPY src/file_5_103.txt /app/dir_1/
RUN echo step 5_104 && mkdir -p /tmp/d5_104 && touch /tmp/d5_104/f
ENV VAR_5_105=value_5_105 OTHER_5_105=${A_4_199}
COPY src/file_5_106.txt /app/dir_4/
RUN echo step 5_107 && mkdir -p /tmp/d5_107 && touch /tmp/d5_107/f
USER root
RUN echo step 5_109 && mkdir -p /tmp/d5_109 && touch /tmp/d5_109/f
ENV VAR_5_110=value_5_110 OTHER_5_110=${A_2_137}
WORKDIR /work/w7
RUN echo step 5_112 && mkdir -p /tmp/d5_112 && touch /tmp/d5_112/f
RUN echo step 5_113 && mkdir -p /tmp/d5_113 && touch /tmp/d5_113/f
COPY --from=s4 /tmp /from-5_114/
ENV VAR_5_115=value_5_115 OTHER_5_115=${A_5_12}
ENV VAR_5_116=value_5_116 OTHER_5_116=${A_1_109}
LABEL org.example.l5_117="label 5_117"
RUN echo step 5_118 && mkdir -p /tmp/d5_118 && touch /tmp/d5_118/f
RUN echo step 5_119 && mkdir -p /tmp/d5_119 && touch /tmp/d5_119/f
ARG A_5_120=default_5_120
USER root
RUN echo step 5_122 && mkdir -p /tmp/d5_122 && touch /tmp/d5_122/f
EXPOSE 8123/tcp
ENV VAR_5_124=value_5_124 OTHER_5_124=${A_4_132}
COPY src/file_5_125.txt /app/dir_6/
COPY src/file_5_126.txt /app/dir_7/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s5_127
WORKDIR /work/w11
WORKDIR /work/w12
ARG A_5_130=default_5_130
COPY src/file_5_131.txt /app/dir_12/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s5_132
COPY src/file_5_133.txt /app/dir_14/
ARG A_5_134=default_5_134
RUN echo step 5_135 && mkdir -p /tmp/d5_135 && touch /tmp/d5_135/f
COPY src/file_5_136.txt /app/dir_0/
RUN echo step 5_137 && mkdir -p /tmp/d5_137 && touch /tmp/d5_137/f
ENV VAR_5_138=value_5_138 OTHER_5_138=${A_3_141}
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s5_139
COPY src/file_5_140.txt /app/dir_4/
RUN echo step 5_141 && mkdir -p /tmp/d5_141 && touch /tmp/d5_141/f
LABEL org.example.l5_142="label 5_142"
COPY src/file_5_143.txt /app/dir_7/
COPY src/file_5_144.txt /app/dir_8/
RUN echo step 5_145 && mkdir -p /tmp/d5_145 && touch /tmp/d5_145/f
COPY src/file_5_146.txt /app/dir_10/
USER root
COPY src/file_5_148.txt /app/dir_12/
RUN echo step 5_149 && mkdir -p /tmp/d5_149 && touch /tmp/d5_149/f
WORKDIR /work/w7
LABEL org.example.l5_151="label 5_151"
EXPOSE 8152/tcp
LABEL org.example.l5_153="label 5_153"
EXPOSE 8154/tcp
USER root
ARG A_5_156=default_5_156
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s5_157
ARG A_5_158=default_5_158
ARG A_5_159=default_5_159
ENV VAR_5_160=value_5_160 OTHER_5_160=${A_2_59}
COPY src/file_5_161.txt /app/dir_8/
RUN echo step 5_162 && mkdir -p /tmp/d5_162 && touch /tmp/d5_162/f
ARG A_5_163=default_5_163
RUN echo step 5_164 && mkdir -p /tmp/d5_164 && touch /tmp/d5_164/f
ENV VAR_5_165=value_5_165 OTHER_5_165=${A_1_109}
COPY --from=s4 /tmp /from-5_166/
RUN echo step 5_167 && mkdir -p /tmp/d5_167 && touch /tmp/d5_167/f
ENV VAR_5_168=value_5_168 OTHER_5_168=${A_3_102}
COPY src/file_5_169.txt /app/dir_16/
RUN echo step 5_170 && mkdir -p /tmp/d5_170 && touch /tmp/d5_170/f
RUN echo step 5_171 && mkdir -p /tmp/d5_171 && touch /tmp/d5_171/f
RUN echo step 5_172 && mkdir -p /tmp/d5_172 && touch /tmp/d5_172/f
ENV VAR_5_173=value_5_173 OTHER_5_173=${A_4_142}
COPY src/file_5_174.txt /app/dir_4/
ENV VAR_5_175=value_5_175 OTHER_5_175=${A_1_150}
COPY --from=s4 /tmp /from-5_176/
RUN echo step 5_177 && mkdir -p /tmp/d5_177 && touch /tmp/d5_177/f
RUN echo step 5_178 && mkdir -p /tmp/d5_178 && touch /tmp/d5_178/f
COPY src/file_5_179.txt /app/dir_9/
RUN echo step 5_180 && mkdir -p /tmp/d5_180 && touch /tmp/d5_180/f
ARG A_5_181=default_5_181
COPY src/file_5_182.txt /app/dir_12/
COPY --from=s4 /tmp /from-5_183/
COPY src/file_5_184.txt /app/dir_14/
COPY src/file_5_185.txt /app/dir_15/
COPY src/file_5_186.txt /app/dir_16/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s5_187
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s5_188
RUN echo step 5_189 && mkdir -p /tmp/d5_189 && touch /tmp/d5_189/f
WORKDIR /work/w8
RUN echo step 5_191 && mkdir -p /tmp/d5_191 && touch /tmp/d5_191/f
ENV VAR_5_192=value_5_192 OTHER_5_192=${A_3_58}
LABEL org.example.l5_193="label 5_193"
RUN echo step 5_194 && mkdir -p /tmp/d5_194 && touch /tmp/d5_194/f
COPY src/file_5_195.txt /app/dir_8/
ARG A_5_196=default_5_196
COPY src/file_5_197.txt /app/dir_10/
RUN echo step 5_198 && mkdir -p /tmp/d5_198 && touch /tmp/d5_198/f
ENV VAR_5_199=value_5_199 OTHER_5_199=${A_3_45}
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s6
RUN echo step 6_0 && mkdir -p /tmp/d6_0 && touch /tmp/d6_0/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s6_1
COPY --from=s5 /tmp /from-6_2/
COPY --from=s5 /tmp /from-6_3/
WORKDIR /work/w4
ENV VAR_6_5=value_6_5 OTHER_6_5=${A_3_189}
COPY --from=s5 /tmp /from-6_6/
ENV VAR_6_7=value_6_7 OTHER_6_7=${A_1_151}
RUN echo step 6_8 && mkdir -p /tmp/d6_8 && touch /tmp/d6_8/f
ARG A_6_9=default_6_9
COPY src/file_6_10.txt /app/dir_10/
EXPOSE 8011/tcp
RUN echo step 6_12 && mkdir -p /tmp/d6_12 && touch /tmp/d6_12/f
ENV VAR_6_13=value_6_13 OTHER_6_13=${A_4_85}
RUN echo step 6_14 && mkdir -p /tmp/d6_14 && touch /tmp/d6_14/f
ARG A_6_15=default_6_15
RUN echo step 6_16 && mkdir -p /tmp/d6_16 && touch /tmp/d6_16/f
ENV VAR_6_17=value_6_17 OTHER_6_17=${A_5_181}
COPY src/file_6_18.txt /app/dir_1/
RUN echo step 6_19 && mkdir -p /tmp/d6_19 && touch /tmp/d6_19/f
RUN echo step 6_20 && mkdir -p /tmp/d6_20 && touch /tmp/d6_20/f
EXPOSE 8021/tcp
ARG A_6_22=default_6_22
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s6_23
RUN echo step 6_24 && mkdir -p /tmp/d6_24 && touch /tmp/d6_24/f
COPY src/file_6_25.txt /app/dir_8/
ENV VAR_6_26=value_6_26 OTHER_6_26=${A_4_148}
WORKDIR /work/w1
ENV VAR_6_28=value_6_28 OTHER_6_28=${A_1_189}
WORKDIR /work/w3
ENV VAR_6_30=value_6_30 OTHER_6_30=${A_0_129}
RUN echo step 6_31 && mkdir -p /tmp/d6_31 && touch /tmp/d6_31/f
RUN echo step 6_32 && mkdir -p /tmp/d6_32 && touch /tmp/d6_32/f
COPY src/file_6_33.txt /app/dir_16/
WORKDIR /work/w8
LABEL org.example.l6_35="label 6_35"
ARG A_6_36=default_6_36
COPY src/file_6_37.txt /app/dir_3/
EXPOSE 8038/tcp
RUN echo step 6_39 && mkdir -p /tmp/d6_39 && touch /tmp/d6_39/f
ARG A_6_40=default_6_40
COPY src/file_6_41.txt /app/dir_7/
RUN echo step 6_42 && mkdir -p /tmp/d6_42 && touch /tmp/d6_42/f
ARG A_6_43=default_6_43
ENV VAR_6_44=value_6_44 OTHER_6_44=${A_5_159}
ENV VAR_6_45=value_6_45 OTHER_6_45=${A_5_196}
RUN echo step 6_46 && mkdir -p /tmp/d6_46 && touch /tmp/d6_46/f
RUN echo step 6_47 && mkdir -p /tmp/d6_47 && touch /tmp/d6_47/f
RUN echo step 6_48 && mkdir -p /tmp/d6_48 && touch /tmp/d6_48/f
ARG A_6_49=default_6_49
USER root
WORKDIR /work/w12
RUN echo step 6_52 && mkdir -p /tmp/d6_52 && touch /tmp/d6_52/f
COPY src/file_6_53.txt /app/dir_2/
COPY src/file_6_54.txt /app/dir_3/
RUN echo step 6_55 && mkdir -p /tmp/d6_55 && touch /tmp/d6_55/f
LABEL org.example.l6_56="label 6_56"
RUN echo step 6_57 && mkdir -p /tmp/d6_57 && touch /tmp/d6_57/f
ENV VAR_6_58=value_6_58 OTHER_6_58=${A_6_36}
RUN echo step 6_59 && mkdir -p /tmp/d6_59 && touch /tmp/d6_59/f
COPY src/file_6_60.txt /app/dir_9/
LABEL org.example.l6_61="label 6_61"
COPY src/file_6_62.txt /app/dir_11/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s6_63
USER root
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s6_65
RUN echo step 6_66 && mkdir -p /tmp/d6_66 && touch /tmp/d6_66/f
COPY src/file_6_67.txt /app/dir_16/
COPY src/file_6_68.txt /app/dir_0/
WORKDIR /work/w4
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s6_70
WORKDIR /work/w6
RUN echo step 6_72 && mkdir -p /tmp/d6_72 && touch /tmp/d6_72/f
RUN echo step 6_73 && mkdir -p /tmp/d6_73 && touch /tmp/d6_73/f
ENV VAR_6_74=value_6_74 OTHER_6_74=${A_3_10}
ARG A_6_75=default_6_75
LABEL org.example.l6_76="label 6_76"
WORKDIR /work/w12
ENV VAR_6_78=value_6_78 OTHER_6_78=${A_4_59}
COPY --from=s5 /tmp /from-6_79/
COPY src/file_6_80.txt /app/dir_12/
ENV VAR_6_81=value_6_81 OTHER_6_81=${A_6_36}
WORKDIR /work/w4
RUN echo step 6_83 && mkdir -p /tmp/d6_83 && touch /tmp/d6_83/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s6_84
ARG A_6_85=default_6_85
ENV VAR_6_86=value_6_86 OTHER_6_86=${A_2_57}
LABEL org.example.l6_87="label 6_87"
ENV VAR_6_88=value_6_88 OTHER_6_88=${A_0_189}
COPY src/file_6_89.txt /app/dir_4/
ARG A_6_90=default_6_90
RUN echo step 6_91 && mkdir -p /tmp/d6_91 && touch /tmp/d6_91/f
COPY src/file_6_92.txt /app/dir_7/
ARG A_6_93=default_6_93
RUN echo step 6_94 && mkdir -p /tmp/d6_94 && touch /tmp/d6_94/f
RUN echo step 6_95 && mkdir -p /tmp/d6_95 && touch /tmp/d6_95/f
RUN echo step 6_96 && mkdir -p /tmp/d6_96 && touch /tmp/d6_96/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s6_97
USER root
ENV VAR_6_99=value_6_99 OTHER_6_99=${A_4_37}
COPY src/file_6_100.txt /app/dir_15/
COPY src/file_6_101.txt /app/dir_16/
ARG A_6_102=default_6_102
COPY src/file_6_103.txt /app/dir_1/
RUN echo step 6_104 && mkdir -p /tmp/d6_104 && touch /tmp/d6_104/f
COPY src/file_6_105.txt /app/dir_3/
RUN echo step 6_106 && mkdir -p /tmp/d6_106 && touch /tmp/d6_106/f
COPY --from=s5 /tmp /from-6_107/
RUN echo step 6_108 && mkdir -p /tmp/d6_108 && touch /tmp/d6_108/f
LABEL org.example.l6_109="label 6_109"
LABEL org.example.l6_110="label 6_110"
ENV VAR_6_111=value_6_111 OTHER_6_111=${A_4_4}
RUN echo step 6_112 && mkdir -p /tmp/d6_112 && touch /tmp/d6_112/f
RUN echo step 6_113 && mkdir -p /tmp/d6_113 && touch /tmp/d6_113/f
COPY --from=s5 /tmp /from-6_114/
COPY src/file_6_115.txt /app/dir_13/
LABEL org.example.l6_116="label 6_116"
ARG A_6_117=default_6_117
RUN echo step 6_118 && mkdir -p /tmp/d6_118 && touch /tmp/d6_118/f
COPY src/file_6_119.txt /app/dir_0/
ARG A_6_120=default_6_120
WORKDIR /work/w4
COPY src/file_6_122.txt /app/dir_3/
RUN echo step 6_123 && mkdir -p /tmp/d6_123 && touch /tmp/d6_123/f
LABEL org.example.l6_124="label 6_124"
RUN echo step 6_125 && mkdir -p /tmp/d6_125 && touch /tmp/d6_125/f
RUN echo step 6_126 && mkdir -p /tmp/d6_126 && touch /tmp/d6_126/f
USER root
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s6_128
ARG A_6_129=default_6_129
WORKDIR /work/w0
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s6_131
ENV VAR_6_132=value_6_132 OTHER_6_132=${A_0_74}
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s6_133
EXPOSE 8134/tcp
WORKDIR /work/w5
USER root
RUN echo step 6_137 && mkdir -p /tmp/d6_137 && touch /tmp/d6_137/f
RUN echo step 6_138 && mkdir -p /tmp/d6_138 && touch /tmp/d6_138/f
COPY --from=s5 /tmp /from-6_139/
ENV VAR_6_140=value_6_140 OTHER_6_140=${A_5_87}
RUN echo step 6_141 && mkdir -p /tmp/d6_141 && touch /tmp/d6_141/f
ENV VAR_6_142=value_6_142 OTHER_6_142=${A_0_152}
COPY src/file_6_143.txt /app/dir_7/
WORKDIR /work/w1
RUN echo step 6_145 && mkdir -p /tmp/d6_145 && touch /tmp/d6_145/f
RUN echo step 6_146 && mkdir -p /tmp/d6_146 && touch /tmp/d6_146/f
COPY src/file_6_147.txt /app/dir_11/
ARG A_6_148=default_6_148
RUN echo step 6_149 && mkdir -p /tmp/d6_149 && touch /tmp/d6_149/f
RUN echo step 6_150 && mkdir -p /tmp/d6_150 && touch /tmp/d6_150/f
RUN echo step 6_151 && mkdir -p /tmp/d6_151 && touch /tmp/d6_151/f
COPY src/file_6_152.txt /app/dir_16/
LABEL org.example.l6_153="label 6_153"
COPY src/file_6_154.txt /app/dir_1/
RUN echo step 6_155 && mkdir -p /tmp/d6_155 && touch /tmp/d6_155/f
RUN echo step 6_156 && mkdir -p /tmp/d6_156 && touch /tmp/d6_156/f
LABEL org.example.l6_157="label 6_157"
RUN echo step 6_158 && mkdir -p /tmp/d6_158 && touch /tmp/d6_158/f
USER root
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s6_160
COPY src/file_6_161.txt /app/dir_8/
WORKDIR /work/w6
WORKDIR /work/w7
LABEL org.example.l6_164="label 6_164"
RUN echo step 6_165 && mkdir -p /tmp/d6_165 && touch /tmp/d6_165/f
RUN echo step 6_166 && mkdir -p /tmp/d6_166 && touch /tmp/d6_166/f
COPY src/file_6_167.txt /app/dir_14/
ENV VAR_6_168=value_6_168 OTHER_6_168=${A_5_95}
RUN echo step 6_169 && mkdir -p /tmp/d6_169 && touch /tmp/d6_169/f
RUN echo step 6_170 && mkdir -p /tmp/d6_170 && touch /tmp/d6_170/f
RUN echo step 6_171 && mkdir -p /tmp/d6_171 && touch /tmp/d6_171/f
RUN echo step 6_172 && mkdir -p /tmp/d6_172 && touch /tmp/d6_172/f
ENV VAR_6_173=value_6_173 OTHER_6_173=${A_0_74}
ARG A_6_174=default_6_174
EXPOSE 8175/tcp
RUN echo step 6_176 && mkdir -p /tmp/d6_176 && touch /tmp/d6_176/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s6_177
COPY src/file_6_178.txt /app/dir_8/
COPY --from=s5 /tmp /from-6_179/
RUN echo step 6_180 && mkdir -p /tmp/d6_180 && touch /tmp/d6_180/f
RUN echo step 6_181 && mkdir -p /tmp/d6_181 && touch /tmp/d6_181/f
RUN echo step 6_182 && mkdir -p /tmp/d6_182 && touch /tmp/d6_182/f
COPY src/file_6_183.txt /app/dir_13/
RUN echo step 6_184 && mkdir -p /tmp/d6_184 && touch /tmp/d6_184/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s6_185
ARG A_6_186=default_6_186
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s6_187
RUN echo step 6_188 && mkdir -p /tmp/d6_188 && touch /tmp/d6_188/f
COPY src/file_6_189.txt /app/dir_2/
ENV VAR_6_190=value_6_190 OTHER_6_190=${A_1_77}
COPY src/file_6_191.txt /app/dir_4/
RUN echo step 6_192 && mkdir -p /tmp/d6_192 && touch /tmp/d6_192/f
ENV VAR_6_193=value_6_193 OTHER_6_193=${A_6_174}
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s6_194
WORKDIR /work/w0
COPY src/file_6_196.txt /app/dir_9/
COPY src/file_6_197.txt /app/dir_10/
RUN echo step 6_198 && mkdir -p /tmp/d6_198 && touch /tmp/d6_198/f
LABEL org.example.l6_199="label 6_199"
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s7
LABEL org.example.l7_0="label 7_0"
RUN echo step 7_1 && mkdir -p /tmp/d7_1 && touch /tmp/d7_1/f
WORKDIR /work/w2
RUN echo step 7_3 && mkdir -p /tmp/d7_3 && touch /tmp/d7_3/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s7_4
EXPOSE 8005/tcp
ENV VAR_7_6=value_7_6 OTHER_7_6=${A_4_59}
RUN echo step 7_7 && mkdir -p /tmp/d7_7 && touch /tmp/d7_7/f
COPY src/file_7_8.txt /app/dir_8/
COPY src/file_7_9.txt /app/dir_9/
RUN echo step 7_10 && mkdir -p /tmp/d7_10 && touch /tmp/d7_10/f
COPY src/file_7_11.txt /app/dir_11/
RUN echo step 7_12 && mkdir -p /tmp/d7_12 && touch /tmp/d7_12/f
ENV VAR_7_13=value_7_13 OTHER_7_13=${A_5_51}
WORKDIR /work/w1
RUN echo step 7_15 && mkdir -p /tmp/d7_15 && touch /tmp/d7_15/f
EXPOSE 8016/tcp
USER root
RUN echo step 7_18 && mkdir -p /tmp/d7_18 && touch /tmp/d7_18/f
RUN echo step 7_19 && mkdir -p /tmp/d7_19 && touch /tmp/d7_19/f
ENV VAR_7_20=value_7_20 OTHER_7_20=${A_5_12}
RUN echo step 7_21 && mkdir -p /tmp/d7_21 && touch /tmp/d7_21/f
COPY --from=s6 /tmp /from-7_22/
RUN echo step 7_23 && mkdir -p /tmp/d7_23 && touch /tmp/d7_23/f
RUN echo step 7_24 && mkdir -p /tmp/d7_24 && touch /tmp/d7_24/f
ENV VAR_7_25=value_7_25 OTHER_7_25=${A_5_20}
ENV VAR_7_26=value_7_26 OTHER_7_26=${A_6_49}
ENV VAR_7_27=value_7_27 OTHER_7_27=${A_6_85}
ENV VAR_7_28=value_7_28 OTHER_7_28=${A_3_145}
ENV VAR_7_29=value_7_29 OTHER_7_29=${A_5_95}
RUN echo step 7_30 && mkdir -p /tmp/d7_30 && touch /tmp/d7_30/f
RUN echo step 7_31 && mkdir -p /tmp/d7_31 && touch /tmp/d7_31/f
COPY src/file_7_32.txt /app/dir_15/
EXPOSE 8033/tcp
WORKDIR /work/w8
COPY src/file_7_35.txt /app/dir_1/
COPY src/file_7_36.txt /app/dir_2/
ENV VAR_7_37=value_7_37 OTHER_7_37=${A_5_156}
ENV VAR_7_38=value_7_38 OTHER_7_38=${A_4_183}
RUN echo step 7_39 && mkdir -p /tmp/d7_39 && touch /tmp/d7_39/f
RUN echo step 7_40 && mkdir -p /tmp/d7_40 && touch /tmp/d7_40/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s7_41
COPY --from=s6 /tmp /from-7_42/
COPY --from=s6 /tmp /from-7_43/
ENV VAR_7_44=value_7_44 OTHER_7_44=${A_0_68}
ENV VAR_7_45=value_7_45 OTHER_7_45=${A_0_1}
COPY --from=s6 /tmp /from-7_46/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s7_47
RUN echo step 7_48 && mkdir -p /tmp/d7_48 && touch /tmp/d7_48/f
WORKDIR /work/w10
WORKDIR /work/w11
RUN echo step 7_51 && mkdir -p /tmp/d7_51 && touch /tmp/d7_51/f
EXPOSE 8052/tcp
COPY src/file_7_53.txt /app/dir_2/
RUN echo step 7_54 && mkdir -p /tmp/d7_54 && touch /tmp/d7_54/f
WORKDIR /work/w3
EXPOSE 8056/tcp
COPY src/file_7_57.txt /app/dir_6/
RUN echo step 7_58 && mkdir -p /tmp/d7_58 && touch /tmp/d7_58/f
ARG A_7_59=default_7_59
USER root
ENV VAR_7_61=value_7_61 OTHER_7_61=${A_5_12}
ARG A_7_62=default_7_62
COPY src/file_7_63.txt /app/dir_12/
RUN echo step 7_64 && mkdir -p /tmp/d7_64 && touch /tmp/d7_64/f
COPY src/file_7_65.txt /app/dir_14/
RUN echo step 7_66 && mkdir -p /tmp/d7_66 && touch /tmp/d7_66/f
LABEL org.example.l7_67="label 7_67"
COPY src/file_7_68.txt /app/dir_0/
WORKDIR /work/w4
LABEL org.example.l7_70="label 7_70"
RUN echo step 7_71 && mkdir -p /tmp/d7_71 && touch /tmp/d7_71/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s7_72
COPY src/file_7_73.txt /app/dir_5/
RUN echo step 7_74 && mkdir -p /tmp/d7_74 && touch /tmp/d7_74/f
COPY src/file_7_75.txt /app/dir_7/
COPY src/file_7_76.txt /app/dir_8/
ENV VAR_7_77=value_7_77 OTHER_7_77=${A_0_198}
RUN echo step 7_78 && mkdir -p /tmp/d7_78 && touch /tmp/d7_78/f
LABEL org.example.l7_79="label 7_79"
RUN echo step 7_80 && mkdir -p /tmp/d7_80 && touch /tmp/d7_80/f
COPY --from=s6 /tmp /from-7_81/
WORKDIR /work/w4
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s7_83
RUN echo step 7_84 && mkdir -p /tmp/d7_84 && touch /tmp/d7_84/f
COPY --from=s6 /tmp /from-7_85/
COPY src/file_7_86.txt /app/dir_1/
LABEL org.example.l7_87="label 7_87"
ENV VAR_7_88=value_7_88 OTHER_7_88=${A_1_166}
LABEL org.example.l7_89="label 7_89"
ARG A_7_90=default_7_90
EXPOSE 8091/tcp
COPY src/file_7_92.txt /app/dir_7/
COPY src/file_7_93.txt /app/dir_8/
LABEL org.example.l7_94="label 7_94"
ENV VAR_7_95=value_7_95 OTHER_7_95=${A_6_93}
COPY src/file_7_96.txt /app/dir_11/
RUN echo step 7_97 && mkdir -p /tmp/d7_97 && touch /tmp/d7_97/f
LABEL org.example.l7_98="label 7_98"
COPY src/file_7_99.txt /app/dir_14/
COPY src/file_7_100.txt /app/dir_15/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s7_101
COPY --from=s6 /tmp /from-7_102/
WORKDIR /work/w12
ENV VAR_7_104=value_7_104 OTHER_7_104=${A_4_37}
RUN echo step 7_105 && mkdir -p /tmp/d7_105 && touch /tmp/d7_105/f
WORKDIR /work/w2
COPY src/file_7_107.txt /app/dir_5/
COPY src/file_7_108.txt /app/dir_6/
USER root
LABEL org.example.l7_110="label 7_110"
ENV VAR_7_111=value_7_111 OTHER_7_111=${A_3_29}
RUN echo step 7_112 && mkdir -p /tmp/d7_112 && touch /tmp/d7_112/f
ARG A_7_113=default_7_113
LABEL org.example.l7_114="label 7_114"
COPY src/file_7_115.txt /app/dir_13/
COPY src/file_7_116.txt /app/dir_14/
RUN echo step 7_117 && mkdir -p /tmp/d7_117 && touch /tmp/d7_117/f
ENV VAR_7_118=value_7_118 OTHER_7_118=${A_6_9}
WORKDIR /work/w2
ENV VAR_7_120=value_7_120 OTHER_7_120=${A_3_29}
RUN echo step 7_121 && mkdir -p /tmp/d7_121 && touch /tmp/d7_121/f
COPY --from=s6 /tmp /from-7_122/
COPY --from=s6 /tmp /from-7_123/
RUN echo step 7_124 && mkdir -p /tmp/d7_124 && touch /tmp/d7_124/f
RUN echo step 7_125 && mkdir -p /tmp/d7_125 && touch /tmp/d7_125/f
RUN echo step 7_126 && mkdir -p /tmp/d7_126 && touch /tmp/d7_126/f
ARG A_7_127=default_7_127
ARG A_7_128=default_7_128
ARG A_7_129=default_7_129
COPY src/file_7_130.txt /app/dir_11/
WORKDIR /work/w1
RUN echo step 7_132 && mkdir -p /tmp/d7_132 && touch /tmp/d7_132/f
RUN echo step 7_133 && mkdir -p /tmp/d7_133 && touch /tmp/d7_133/f
RUN echo step 7_134 && mkdir -p /tmp/d7_134 && touch /tmp/d7_134/f
ENV VAR_7_135=value_7_135 OTHER_7_135=${A_0_148}
EXPOSE 8136/tcp
RUN echo step 7_137 && mkdir -p /tmp/d7_137 && touch /tmp/d7_137/f
COPY src/file_7_138.txt /app/dir_2/
WORKDIR /work/w9
RUN echo step 7_140 && mkdir -p /tmp/d7_140 && touch /tmp/d7_140/f
ENV VAR_7_141=value_7_141 OTHER_7_141=${A_4_183}
RUN echo step 7_142 && mkdir -p /tmp/d7_142 && touch /tmp/d7_142/f
WORKDIR /work/w0
RUN echo step 7_144 && mkdir -p /tmp/d7_144 && touch /tmp/d7_144/f
ENV VAR_7_145=value_7_145 OTHER_7_145=${A_0_105}
ARG A_7_146=default_7_146
COPY --from=s6 /tmp /from-7_147/
RUN echo step 7_148 && mkdir -p /tmp/d7_148 && touch /tmp/d7_148/f
RUN echo step 7_149 && mkdir -p /tmp/d7_149 && touch /tmp/d7_149/f
ARG A_7_150=default_7_150
EXPOSE 8151/tcp
LABEL org.example.l7_152="label 7_152"
ENV VAR_7_153=value_7_153 OTHER_7_153=${A_6_102}
COPY src/file_7_154.txt /app/dir_1/
COPY src/file_7_155.txt /app/dir_2/
USER root
LABEL org.example.l7_157="label 7_157"
ENV VAR_7_158=value_7_158 OTHER_7_158=${A_3_38}
USER root
WORKDIR /work/w4
ENV VAR_7_161=value_7_161 OTHER_7_161=${A_0_105}
RUN echo step 7_162 && mkdir -p /tmp/d7_162 && touch /tmp/d7_162/f
COPY --from=s6 /tmp /from-7_163/
RUN echo step 7_164 && mkdir -p /tmp/d7_164 && touch /tmp/d7_164/f
EXPOSE 8165/tcp
COPY --from=s6 /tmp /from-7_166/
ENV VAR_7_167=value_7_167 OTHER_7_167=${A_5_181}
EXPOSE 8168/tcp
COPY src/file_7_169.txt /app/dir_16/
ENV VAR_7_170=value_7_170 OTHER_7_170=${A_4_199}
RUN echo step 7_171 && mkdir -p /tmp/d7_171 && touch /tmp/d7_171/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s7_172
EXPOSE 8173/tcp
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s7_174
RUN echo step 7_175 && mkdir -p /tmp/d7_175 && touch /tmp/d7_175/f
RUN echo step 7_176 && mkdir -p /tmp/d7_176 && touch /tmp/d7_176/f
ARG A_7_177=default_7_177
USER root
USER root
ARG A_7_180=default_7_180
ENV VAR_7_181=value_7_181 OTHER_7_181=${A_4_13}
EXPOSE 8182/tcp
ENV VAR_7_183=value_7_183 OTHER_7_183=${A_0_85}
COPY src/file_7_184.txt /app/dir_14/
ENV VAR_7_185=value_7_185 OTHER_7_185=${A_7_180}
COPY src/file_7_186.txt /app/dir_16/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s7_187
USER root
ENV VAR_7_189=value_7_189 OTHER_7_189=${A_2_57}
WORKDIR /work/w8
ENV VAR_7_191=value_7_191 OTHER_7_191=${A_3_29}
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s7_192
LABEL org.example.l7_193="label 7_193"
RUN echo step 7_194 && mkdir -p /tmp/d7_194 && touch /tmp/d7_194/f
COPY src/file_7_195.txt /app/dir_8/
ENV VAR_7_196=value_7_196 OTHER_7_196=${A_5_12}
WORKDIR /work/w2
RUN echo step 7_198 && mkdir -p /tmp/d7_198 && touch /tmp/d7_198/f
WORKDIR /work/w4
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s8
WORKDIR /work/w0
RUN echo step 8_1 && mkdir -p /tmp/d8_1 && touch /tmp/d8_1/f
COPY src/file_8_2.txt /app/dir_2/
COPY --from=s7 /tmp /from-8_3/
COPY --from=s7 /tmp /from-8_4/
RUN echo step 8_5 && mkdir -p /tmp/d8_5 && touch /tmp/d8_5/f
COPY --from=s7 /tmp /from-8_6/
COPY src/file_8_7.txt /app/dir_7/
ARG A_8_8=default_8_8
COPY src/file_8_9.txt /app/dir_9/
ENV VAR_8_10=value_8_10 OTHER_8_10=${A_5_130}
COPY --from=s7 /tmp /from-8_11/
ENV VAR_8_12=value_8_12 OTHER_8_12=${A_6_102}
EXPOSE 8013/tcp
EXPOSE 8014/tcp
WORKDIR /work/w2
ENV VAR_8_16=value_8_16 OTHER_8_16=${A_0_198}
RUN echo step 8_17 && mkdir -p /tmp/d8_17 && touch /tmp/d8_17/f
WORKDIR /work/w5
COPY src/file_8_19.txt /app/dir_2/
RUN echo step 8_20 && mkdir -p /tmp/d8_20 && touch /tmp/d8_20/f
RUN echo step 8_21 && mkdir -p /tmp/d8_21 && touch /tmp/d8_21/f
ENV VAR_8_22=value_8_22 OTHER_8_22=${A_3_114}
COPY src/file_8_23.txt /app/dir_6/
ARG A_8_24=default_8_24
RUN echo step 8_25 && mkdir -p /tmp/d8_25 && touch /tmp/d8_25/f
COPY --from=s7 /tmp /from-8_26/
RUN echo step 8_27 && mkdir -p /tmp/d8_27 && touch /tmp/d8_27/f
ENV VAR_8_28=value_8_28 OTHER_8_28=${A_6_40}
RUN echo step 8_29 && mkdir -p /tmp/d8_29 && touch /tmp/d8_29/f
ARG A_8_30=default_8_30
LABEL org.example.l8_31="label 8_31"
COPY src/file_8_32.txt /app/dir_15/
WORKDIR /work/w7
ARG A_8_34=default_8_34
RUN echo step 8_35 && mkdir -p /tmp/d8_35 && touch /tmp/d8_35/f
WORKDIR /work/w10
COPY --from=s7 /tmp /from-8_37/
ENV VAR_8_38=value_8_38 OTHER_8_38=${A_7_180}
ENV VAR_8_39=value_8_39 OTHER_8_39=${A_3_64}
RUN echo step 8_40 && mkdir -p /tmp/d8_40 && touch /tmp/d8_40/f
COPY src/file_8_41.txt /app/dir_7/
ENV VAR_8_42=value_8_42 OTHER_8_42=${A_3_38}
USER root
RUN echo step 8_44 && mkdir -p /tmp/d8_44 && touch /tmp/d8_44/f
LABEL org.example.l8_45="label 8_45"
LABEL org.example.l8_46="label 8_46"
LABEL org.example.l8_47="label 8_47"
RUN echo step 8_48 && mkdir -p /tmp/d8_48 && touch /tmp/d8_48/f
RUN echo step 8_49 && mkdir -p /tmp/d8_49 && touch /tmp/d8_49/f
ARG A_8_50=default_8_50
COPY src/file_8_51.txt /app/dir_0/
USER root
ENV VAR_8_53=value_8_53 OTHER_8_53=${A_0_68}
RUN echo step 8_54 && mkdir -p /tmp/d8_54 && touch /tmp/d8_54/f
RUN echo step 8_55 && mkdir -p /tmp/d8_55 && touch /tmp/d8_55/f
RUN echo step 8_56 && mkdir -p /tmp/d8_56 && touch /tmp/d8_56/f
RUN echo step 8_57 && mkdir -p /tmp/d8_57 && touch /tmp/d8_57/f
COPY src/file_8_58.txt /app/dir_7/
EXPOSE 8059/tcp
LABEL org.example.l8_60="label 8_60"
WORKDIR /work/w9
ENV VAR_8_62=value_8_62 OTHER_8_62=${A_6_15}
ARG A_8_63=default_8_63
RUN echo step 8_64 && mkdir -p /tmp/d8_64 && touch /tmp/d8_64/f
ENV VAR_8_65=value_8_65 OTHER_8_65=${A_3_10}
RUN echo step 8_66 && mkdir -p /tmp/d8_66 && touch /tmp/d8_66/f
LABEL org.example.l8_67="label 8_67"
ARG A_8_68=default_8_68
RUN echo step 8_69 && mkdir -p /tmp/d8_69 && touch /tmp/d8_69/f
COPY src/file_8_70.txt /app/dir_2/
COPY --from=s7 /tmp /from-8_71/
COPY src/file_8_72.txt /app/dir_4/
COPY src/file_8_73.txt /app/dir_5/
ARG A_8_74=default_8_74
ENV VAR_8_75=value_8_75 OTHER_8_75=${A_3_28}
RUN echo step 8_76 && mkdir -p /tmp/d8_76 && touch /tmp/d8_76/f
ARG A_8_77=default_8_77
ENV VAR_8_78=value_8_78 OTHER_8_78=${A_8_24}
RUN echo step 8_79 && mkdir -p /tmp/d8_79 && touch /tmp/d8_79/f
COPY src/file_8_80.txt /app/dir_12/
ENV VAR_8_81=value_8_81 OTHER_8_81=${A_5_60}
WORKDIR /work/w4
COPY src/file_8_83.txt /app/dir_15/
COPY src/file_8_84.txt /app/dir_16/
RUN echo step 8_85 && mkdir -p /tmp/d8_85 && touch /tmp/d8_85/f
ENV VAR_8_86=value_8_86 OTHER_8_86=${A_7_62}
ENV VAR_8_87=value_8_87 OTHER_8_87=${A_4_22}
LABEL org.example.l8_88="label 8_88"
RUN echo step 8_89 && mkdir -p /tmp/d8_89 && touch /tmp/d8_89/f
USER root
ENV VAR_8_91=value_8_91 OTHER_8_91=${A_5_130}
RUN echo step 8_92 && mkdir -p /tmp/d8_92 && touch /tmp/d8_92/f
COPY src/file_8_93.txt /app/dir_8/
WORKDIR /work/w3
EXPOSE 8095/tcp
USER root
ENV VAR_8_97=value_8_97 OTHER_8_97=${A_5_87}
COPY src/file_8_98.txt /app/dir_13/
COPY src/file_8_99.txt /app/dir_14/
COPY src/file_8_100.txt /app/dir_15/
WORKDIR /work/w10
COPY src/file_8_102.txt /app/dir_0/
WORKDIR /work/w12
COPY src/file_8_104.txt /app/dir_2/
ENV VAR_8_105=value_8_105 OTHER_8_105=${A_1_126}
EXPOSE 8106/tcp
RUN echo step 8_107 && mkdir -p /tmp/d8_107 && touch /tmp/d8_107/f
RUN echo step 8_108 && mkdir -p /tmp/d8_108 && touch /tmp/d8_108/f
RUN echo step 8_109 && mkdir -p /tmp/d8_109 && touch /tmp/d8_109/f
RUN echo step 8_110 && mkdir -p /tmp/d8_110 && touch /tmp/d8_110/f
ENV VAR_8_111=value_8_111 OTHER_8_111=${A_1_71}
ARG A_8_112=default_8_112
ARG A_8_113=default_8_113
ENV VAR_8_114=value_8_114 OTHER_8_114=${A_4_6}
RUN echo step 8_115 && mkdir -p /tmp/d8_115 && touch /tmp/d8_115/f
EXPOSE 8116/tcp
ENV VAR_8_117=value_8_117 OTHER_8_117=${A_3_28}
LABEL org.example.l8_118="label 8_118"
COPY src/file_8_119.txt /app/dir_0/
RUN echo step 8_120 && mkdir -p /tmp/d8_120 && touch /tmp/d8_120/f
RUN echo step 8_121 && mkdir -p /tmp/d8_121 && touch /tmp/d8_121/f
LABEL org.example.l8_122="label 8_122"
RUN echo step 8_123 && mkdir -p /tmp/d8_123 && touch /tmp/d8_123/f
WORKDIR /work/w7
ENV VAR_8_125=value_8_125 OTHER_8_125=${A_2_191}
ENV VAR_8_126=value_8_126 OTHER_8_126=${A_1_150}
RUN echo step 8_127 && mkdir -p /tmp/d8_127 && touch /tmp/d8_127/f
RUN echo step 8_128 && mkdir -p /tmp/d8_128 && touch /tmp/d8_128/f
COPY src/file_8_129.txt /app/dir_10/
ENV VAR_8_130=value_8_130 OTHER_8_130=${A_1_150}
RUN echo step 8_131 && mkdir -p /tmp/d8_131 && touch /tmp/d8_131/f
ENV VAR_8_132=value_8_132 OTHER_8_132=${A_3_127}
COPY src/file_8_133.txt /app/dir_14/
ENV VAR_8_134=value_8_134 OTHER_8_134=${A_6_148}
COPY src/file_8_135.txt /app/dir_16/
ARG A_8_136=default_8_136
COPY src/file_8_137.txt /app/dir_1/
EXPOSE 8138/tcp
WORKDIR /work/w9
RUN echo step 8_140 && mkdir -p /tmp/d8_140 && touch /tmp/d8_140/f
COPY src/file_8_141.txt /app/dir_5/
RUN echo step 8_142 && mkdir -p /tmp/d8_142 && touch /tmp/d8_142/f
RUN echo step 8_143 && mkdir -p /tmp/d8_143 && touch /tmp/d8_143/f
EXPOSE 8144/tcp
COPY src/file_8_145.txt /app/dir_9/
WORKDIR /work/w3
LABEL org.example.l8_147="label 8_147"
WORKDIR /work/w5
RUN echo step 8_149 && mkdir -p /tmp/d8_149 && touch /tmp/d8_149/f
USER root
COPY src/file_8_151.txt /app/dir_15/
COPY --from=s7 /tmp /from-8_152/
COPY src/file_8_153.txt /app/dir_0/
COPY src/file_8_154.txt /app/dir_1/
ENV VAR_8_155=value_8_155 OTHER_8_155=${A_8_8}
ENV VAR_8_156=value_8_156 OTHER_8_156=${A_5_84}
LABEL org.example.l8_157="label 8_157"
RUN echo step 8_158 && mkdir -p /tmp/d8_158 && touch /tmp/d8_158/f
RUN echo step 8_159 && mkdir -p /tmp/d8_159 && touch /tmp/d8_159/f
WORKDIR /work/w4
RUN echo step 8_161 && mkdir -p /tmp/d8_161 && touch /tmp/d8_161/f
ENV VAR_8_162=value_8_162 OTHER_8_162=${A_6_75}
ARG A_8_163=default_8_163
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s8_164
ARG A_8_165=default_8_165
RUN echo step 8_166 && mkdir -p /tmp/d8_166 && touch /tmp/d8_166/f
RUN echo step 8_167 && mkdir -p /tmp/d8_167 && touch /tmp/d8_167/f
USER root
RUN echo step 8_169 && mkdir -p /tmp/d8_169 && touch /tmp/d8_169/f
ENV VAR_8_170=value_8_170 OTHER_8_170=${A_0_141}
ENV VAR_8_171=value_8_171 OTHER_8_171=${A_4_22}
COPY --from=s7 /tmp /from-8_172/
RUN echo step 8_173 && mkdir -p /tmp/d8_173 && touch /tmp/d8_173/f
RUN echo step 8_174 && mkdir -p /tmp/d8_174 && touch /tmp/d8_174/f
COPY src/file_8_175.txt /app/dir_5/
ENV VAR_8_176=value_8_176 OTHER_8_176=${A_1_96}
LABEL org.example.l8_177="label 8_177"
RUN echo step 8_178 && mkdir -p /tmp/d8_178 && touch /tmp/d8_178/f
RUN echo step 8_179 && mkdir -p /tmp/d8_179 && touch /tmp/d8_179/f
EXPOSE 8180/tcp
LABEL org.example.l8_181="label 8_181"
LABEL org.example.l8_182="label 8_182"
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s8_183
ENV VAR_8_184=value_8_184 OTHER_8_184=${A_7_180}
COPY --from=s7 /tmp /from-8_185/
ENV VAR_8_186=value_8_186 OTHER_8_186=${A_8_50}
EXPOSE 8187/tcp
RUN echo step 8_188 && mkdir -p /tmp/d8_188 && touch /tmp/d8_188/f
RUN echo step 8_189 && mkdir -p /tmp/d8_189 && touch /tmp/d8_189/f
COPY --from=s7 /tmp /from-8_190/
COPY --from=s7 /tmp /from-8_191/
RUN echo step 8_192 && mkdir -p /tmp/d8_192 && touch /tmp/d8_192/f
LABEL org.example.l8_193="label 8_193"
COPY src/file_8_194.txt /app/dir_7/
COPY src/file_8_195.txt /app/dir_8/
LABEL org.example.l8_196="label 8_196"
RUN echo step 8_197 && mkdir -p /tmp/d8_197 && touch /tmp/d8_197/f
COPY src/file_8_198.txt /app/dir_11/
ARG A_8_199=default_8_199
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s9
WORKDIR /work/w0
RUN echo step 9_1 && mkdir -p /tmp/d9_1 && touch /tmp/d9_1/f
WORKDIR /work/w2
COPY --from=s8 /tmp /from-9_3/
LABEL org.example.l9_4="label 9_4"
RUN echo step 9_5 && mkdir -p /tmp/d9_5 && touch /tmp/d9_5/f
COPY src/file_9_6.txt /app/dir_6/
ENV VAR_9_7=value_9_7 OTHER_9_7=${A_5_20}
ARG A_9_8=default_9_8
RUN echo step 9_9 && mkdir -p /tmp/d9_9 && touch /tmp/d9_9/f
WORKDIR /work/w10
RUN echo step 9_11 && mkdir -p /tmp/d9_11 && touch /tmp/d9_11/f
ENV VAR_9_12=value_9_12 OTHER_9_12=${A_5_84}
ARG A_9_13=default_9_13
EXPOSE 8014/tcp
WORKDIR /work/w2
WORKDIR /work/w3
LABEL org.example.l9_17="label 9_17"
COPY --from=s8 /tmp /from-9_18/
ARG A_9_19=default_9_19
ENV VAR_9_20=value_9_20 OTHER_9_20=${A_0_74}
ARG A_9_21=default_9_21
ENV VAR_9_22=value_9_22 OTHER_9_22=${A_5_66}
RUN echo step 9_23 && mkdir -p /tmp/d9_23 && touch /tmp/d9_23/f
ENV VAR_9_24=value_9_24 OTHER_9_24=${A_5_159}
COPY src/file_9_25.txt /app/dir_8/
WORKDIR /work/w0
COPY src/file_9_27.txt /app/dir_10/
RUN echo step 9_28 && mkdir -p /tmp/d9_28 && touch /tmp/d9_28/f
USER root
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s9_30
EXPOSE 8031/tcp
RUN echo step 9_32 && mkdir -p /tmp/d9_32 && touch /tmp/d9_32/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s9_33
ENV VAR_9_34=value_9_34 OTHER_9_34=${A_3_38}
RUN echo step 9_35 && mkdir -p /tmp/d9_35 && touch /tmp/d9_35/f
COPY src/file_9_36.txt /app/dir_2/
COPY src/file_9_37.txt /app/dir_3/
RUN echo step 9_38 && mkdir -p /tmp/d9_38 && touch /tmp/d9_38/f
COPY src/file_9_39.txt /app/dir_5/
COPY src/file_9_40.txt /app/dir_6/
COPY src/file_9_41.txt /app/dir_7/
RUN echo step 9_42 && mkdir -p /tmp/d9_42 && touch /tmp/d9_42/f
COPY src/file_9_43.txt /app/dir_9/
COPY src/file_9_44.txt /app/dir_10/
COPY --from=s8 /tmp /from-9_45/
ENV VAR_9_46=value_9_46 OTHER_9_46=${A_1_109}
ENV VAR_9_47=value_9_47 OTHER_9_47=${A_8_77}
RUN echo step 9_48 && mkdir -p /tmp/d9_48 && touch /tmp/d9_48/f
RUN echo step 9_49 && mkdir -p /tmp/d9_49 && touch /tmp/d9_49/f
USER root
RUN echo step 9_51 && mkdir -p /tmp/d9_51 && touch /tmp/d9_51/f
RUN echo step 9_52 && mkdir -p /tmp/d9_52 && touch /tmp/d9_52/f
COPY src/file_9_53.txt /app/dir_2/
COPY --from=s8 /tmp /from-9_54/
RUN echo step 9_55 && mkdir -p /tmp/d9_55 && touch /tmp/d9_55/f
WORKDIR /work/w4
RUN echo step 9_57 && mkdir -p /tmp/d9_57 && touch /tmp/d9_57/f
RUN echo step 9_58 && mkdir -p /tmp/d9_58 && touch /tmp/d9_58/f
COPY src/file_9_59.txt /app/dir_8/
LABEL org.example.l9_60="label 9_60"
RUN echo step 9_61 && mkdir -p /tmp/d9_61 && touch /tmp/d9_61/f
RUN echo step 9_62 && mkdir -p /tmp/d9_62 && touch /tmp/d9_62/f
WORKDIR /work/w11
WORKDIR /work/w12
COPY src/file_9_65.txt /app/dir_14/
COPY src/file_9_66.txt /app/dir_15/
RUN echo step 9_67 && mkdir -p /tmp/d9_67 && touch /tmp/d9_67/f
RUN echo step 9_68 && mkdir -p /tmp/d9_68 && touch /tmp/d9_68/f
ARG A_9_69=default_9_69
LABEL org.example.l9_70="label 9_70"
ENV VAR_9_71=value_9_71 OTHER_9_71=${A_9_8}
WORKDIR /work/w7
LABEL org.example.l9_73="label 9_73"
COPY src/file_9_74.txt /app/dir_6/
WORKDIR /work/w10
USER root
RUN echo step 9_77 && mkdir -p /tmp/d9_77 && touch /tmp/d9_77/f
LABEL org.example.l9_78="label 9_78"
WORKDIR /work/w1
USER root
COPY --from=s8 /tmp /from-9_81/
EXPOSE 8082/tcp
ENV VAR_9_83=value_9_83 OTHER_9_83=${A_4_13}
RUN echo step 9_84 && mkdir -p /tmp/d9_84 && touch /tmp/d9_84/f
RUN echo step 9_85 && mkdir -p /tmp/d9_85 && touch /tmp/d9_85/f
EXPOSE 8086/tcp
COPY src/file_9_87.txt /app/dir_2/
RUN echo step 9_88 && mkdir -p /tmp/d9_88 && touch /tmp/d9_88/f
USER root
RUN echo step 9_90 && mkdir -p /tmp/d9_90 && touch /tmp/d9_90/f
RUN echo step 9_91 && mkdir -p /tmp/d9_91 && touch /tmp/d9_91/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s9_92
WORKDIR /work/w2
WORKDIR /work/w3
RUN echo step 9_95 && mkdir -p /tmp/d9_95 && touch /tmp/d9_95/f
WORKDIR /work/w5
EXPOSE 8097/tcp
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s9_98
RUN echo step 9_99 && mkdir -p /tmp/d9_99 && touch /tmp/d9_99/f
ENV VAR_9_100=value_9_100 OTHER_9_100=${A_5_130}
RUN echo step 9_101 && mkdir -p /tmp/d9_101 && touch /tmp/d9_101/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s9_102
EXPOSE 8103/tcp
ARG A_9_104=default_9_104
ARG A_9_105=default_9_105
RUN echo step 9_106 && mkdir -p /tmp/d9_106 && touch /tmp/d9_106/f
RUN echo step 9_107 && mkdir -p /tmp/d9_107 && touch /tmp/d9_107/f
COPY src/file_9_108.txt /app/dir_6/
COPY --from=s8 /tmp /from-9_109/
RUN echo step 9_110 && mkdir -p /tmp/d9_110 && touch /tmp/d9_110/f
COPY src/file_9_111.txt /app/dir_9/
COPY src/file_9_112.txt /app/dir_10/
ENV VAR_9_113=value_9_113 OTHER_9_113=${A_5_95}
WORKDIR /work/w10
USER root
COPY src/file_9_116.txt /app/dir_14/
RUN echo step 9_117 && mkdir -p /tmp/d9_117 && touch /tmp/d9_117/f
ENV VAR_9_118=value_9_118 OTHER_9_118=${A_4_107}
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s9_119
COPY src/file_9_120.txt /app/dir_1/
USER root
COPY --from=s8 /tmp /from-9_122/
RUN echo step 9_123 && mkdir -p /tmp/d9_123 && touch /tmp/d9_123/f
ARG A_9_124=default_9_124
LABEL org.example.l9_125="label 9_125"
RUN echo step 9_126 && mkdir -p /tmp/d9_126 && touch /tmp/d9_126/f
RUN echo step 9_127 && mkdir -p /tmp/d9_127 && touch /tmp/d9_127/f
ARG A_9_128=default_9_128
ARG A_9_129=default_9_129
RUN echo step 9_130 && mkdir -p /tmp/d9_130 && touch /tmp/d9_130/f
RUN echo step 9_131 && mkdir -p /tmp/d9_131 && touch /tmp/d9_131/f
WORKDIR /work/w2
USER root
RUN echo step 9_134 && mkdir -p /tmp/d9_134 && touch /tmp/d9_134/f
ENV VAR_9_135=value_9_135 OTHER_9_135=${A_6_22}
ENV VAR_9_136=value_9_136 OTHER_9_136=${VERSION}
LABEL org.example.l9_137="label 9_137"
COPY src/file_9_138.txt /app/dir_2/
ENV VAR_9_139=value_9_139 OTHER_9_139=${A_4_142}
RUN echo step 9_140 && mkdir -p /tmp/d9_140 && touch /tmp/d9_140/f
ENV VAR_9_141=value_9_141 OTHER_9_141=${A_0_43}
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s9_142
ARG A_9_143=default_9_143
RUN echo step 9_144 && mkdir -p /tmp/d9_144 && touch /tmp/d9_144/f
RUN echo step 9_145 && mkdir -p /tmp/d9_145 && touch /tmp/d9_145/f
LABEL org.example.l9_146="label 9_146"
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s9_147
RUN echo step 9_148 && mkdir -p /tmp/d9_148 && touch /tmp/d9_148/f
USER root
RUN echo step 9_150 && mkdir -p /tmp/d9_150 && touch /tmp/d9_150/f
RUN echo step 9_151 && mkdir -p /tmp/d9_151 && touch /tmp/d9_151/f
ENV VAR_9_152=value_9_152 OTHER_9_152=${A_2_132}
RUN echo step 9_153 && mkdir -p /tmp/d9_153 && touch /tmp/d9_153/f
RUN echo step 9_154 && mkdir -p /tmp/d9_154 && touch /tmp/d9_154/f
ENV VAR_9_155=value_9_155 OTHER_9_155=${A_0_198}
ARG A_9_156=default_9_156
RUN echo step 9_157 && mkdir -p /tmp/d9_157 && touch /tmp/d9_157/f
COPY src/file_9_158.txt /app/dir_5/
RUN echo step 9_159 && mkdir -p /tmp/d9_159 && touch /tmp/d9_159/f
COPY src/file_9_160.txt /app/dir_7/
ENV VAR_9_161=value_9_161 OTHER_9_161=${A_0_43}
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s9_162
RUN echo step 9_163 && mkdir -p /tmp/d9_163 && touch /tmp/d9_163/f
ENV VAR_9_164=value_9_164 OTHER_9_164=${A_3_145}
WORKDIR /work/w9
ARG A_9_166=default_9_166
LABEL org.example.l9_167="label 9_167"
ENV VAR_9_168=value_9_168 OTHER_9_168=${A_9_19}
ENV VAR_9_169=value_9_169 OTHER_9_169=${A_3_28}
RUN echo step 9_170 && mkdir -p /tmp/d9_170 && touch /tmp/d9_170/f
WORKDIR /work/w2
ENV VAR_9_172=value_9_172 OTHER_9_172=${A_5_181}
RUN echo step 9_173 && mkdir -p /tmp/d9_173 && touch /tmp/d9_173/f
EXPOSE 8174/tcp
RUN echo step 9_175 && mkdir -p /tmp/d9_175 && touch /tmp/d9_175/f
RUN echo step 9_176 && mkdir -p /tmp/d9_176 && touch /tmp/d9_176/f
LABEL org.example.l9_177="label 9_177"
ENV VAR_9_178=value_9_178 OTHER_9_178=${A_9_21}
COPY src/file_9_179.txt /app/dir_9/
WORKDIR /work/w11
COPY --from=s8 /tmp /from-9_181/
COPY src/file_9_182.txt /app/dir_12/
LABEL org.example.l9_183="label 9_183"
RUN echo step 9_184 && mkdir -p /tmp/d9_184 && touch /tmp/d9_184/f
USER root
RUN echo step 9_186 && mkdir -p /tmp/d9_186 && touch /tmp/d9_186/f
EXPOSE 8187/tcp
LABEL org.example.l9_188="label 9_188"
WORKDIR /work/w7
COPY src/file_9_190.txt /app/dir_3/
ARG A_9_191=default_9_191
LABEL org.example.l9_192="label 9_192"
COPY --from=s8 /tmp /from-9_193/
RUN echo step 9_194 && mkdir -p /tmp/d9_194 && touch /tmp/d9_194/f
COPY src/file_9_195.txt /app/dir_8/
LABEL org.example.l9_196="label 9_196"
ARG A_9_197=default_9_197
WORKDIR /work/w3
ARG A_9_199=default_9_199
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s10
USER root
LABEL org.example.l10_1="label 10_1"
RUN echo step 10_2 && mkdir -p /tmp/d10_2 && touch /tmp/d10_2/f
ENV VAR_10_3=value_10_3 OTHER_10_3=${A_8_50}
COPY --from=s9 /tmp /from-10_4/
WORKDIR /work/w5
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s10_6
USER root
RUN echo step 10_8 && mkdir -p /tmp/d10_8 && touch /tmp/d10_8/f
COPY --from=s9 /tmp /from-10_9/
RUN echo step 10_10 && mkdir -p /tmp/d10_10 && touch /tmp/d10_10/f
WORKDIR /work/w11
RUN echo step 10_12 && mkdir -p /tmp/d10_12 && touch /tmp/d10_12/f
WORKDIR /work/w0
RUN echo step 10_14 && mkdir -p /tmp/d10_14 && touch /tmp/d10_14/f
LABEL org.example.l10_15="label 10_15"
ENV VAR_10_16=value_10_16 OTHER_10_16=${A_2_126}
LABEL org.example.l10_17="label 10_17"
ENV VAR_10_18=value_10_18 OTHER_10_18=${A_3_29}
LABEL org.example.l10_19="label 10_19"
COPY src/file_10_20.txt /app/dir_3/
ENV VAR_10_21=value_10_21 OTHER_10_21=${A_6_93}
RUN echo step 10_22 && mkdir -p /tmp/d10_22 && touch /tmp/d10_22/f
COPY src/file_10_23.txt /app/dir_6/
LABEL org.example.l10_24="label 10_24"
WORKDIR /work/w12
ARG A_10_26=default_10_26
RUN echo step 10_27 && mkdir -p /tmp/d10_27 && touch /tmp/d10_27/f
RUN echo step 10_28 && mkdir -p /tmp/d10_28 && touch /tmp/d10_28/f
RUN echo step 10_29 && mkdir -p /tmp/d10_29 && touch /tmp/d10_29/f
LABEL org.example.l10_30="label 10_30"
RUN echo step 10_31 && mkdir -p /tmp/d10_31 && touch /tmp/d10_31/f
ARG A_10_32=default_10_32
COPY src/file_10_33.txt /app/dir_16/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s10_34
EXPOSE 8035/tcp
USER root
RUN echo step 10_37 && mkdir -p /tmp/d10_37 && touch /tmp/d10_37/f
RUN echo step 10_38 && mkdir -p /tmp/d10_38 && touch /tmp/d10_38/f
USER root
RUN echo step 10_40 && mkdir -p /tmp/d10_40 && touch /tmp/d10_40/f
RUN echo step 10_41 && mkdir -p /tmp/d10_41 && touch /tmp/d10_41/f
RUN echo step 10_42 && mkdir -p /tmp/d10_42 && touch /tmp/d10_42/f
ENV VAR_10_43=value_10_43 OTHER_10_43=${A_1_150}
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s10_44
ENV VAR_10_45=value_10_45 OTHER_10_45=${A_4_27}
COPY src/file_10_46.txt /app/dir_12/
COPY src/file_10_47.txt /app/dir_13/
ENV VAR_10_48=value_10_48 OTHER_10_48=${A_8_165}
ENV VAR_10_49=value_10_49 OTHER_10_49=${A_0_43}
WORKDIR /work/w11
ENV VAR_10_51=value_10_51 OTHER_10_51=${A_2_191}
COPY src/file_10_52.txt /app/dir_1/
LABEL org.example.l10_53="label 10_53"
ARG A_10_54=default_10_54
COPY --from=s9 /tmp /from-10_55/
ENV VAR_10_56=value_10_56 OTHER_10_56=${A_5_95}
COPY src/file_10_57.txt /app/dir_6/
COPY src/file_10_58.txt /app/dir_7/
ARG A_10_59=default_10_59
COPY src/file_10_60.txt /app/dir_9/
ENV VAR_10_61=value_10_61 OTHER_10_61=${A_4_85}
ENV VAR_10_62=value_10_62 OTHER_10_62=${A_5_196}
LABEL org.example.l10_63="label 10_63"
RUN echo step 10_64 && mkdir -p /tmp/d10_64 && touch /tmp/d10_64/f
COPY --from=s9 /tmp /from-10_65/
COPY src/file_10_66.txt /app/dir_15/
COPY --from=s9 /tmp /from-10_67/
COPY src/file_10_68.txt /app/dir_0/
ENV VAR_10_69=value_10_69 OTHER_10_69=${A_4_37}
ARG A_10_70=default_10_70
WORKDIR /work/w6
COPY src/file_10_72.txt /app/dir_4/
COPY src/file_10_73.txt /app/dir_5/
COPY --from=s9 /tmp /from-10_74/
ENV VAR_10_75=value_10_75 OTHER_10_75=${A_6_148}
LABEL org.example.l10_76="label 10_76"
COPY src/file_10_77.txt /app/dir_9/
WORKDIR /work/w0
RUN echo step 10_79 && mkdir -p /tmp/d10_79 && touch /tmp/d10_79/f
ARG A_10_80=default_10_80
ENV VAR_10_81=value_10_81 OTHER_10_81=${A_9_128}
COPY src/file_10_82.txt /app/dir_14/
COPY src/file_10_83.txt /app/dir_15/
ENV VAR_10_84=value_10_84 OTHER_10_84=${A_0_141}
RUN echo step 10_85 && mkdir -p /tmp/d10_85 && touch /tmp/d10_85/f
RUN echo step 10_86 && mkdir -p /tmp/d10_86 && touch /tmp/d10_86/f
COPY src/file_10_87.txt /app/dir_2/
ARG A_10_88=default_10_88
COPY src/file_10_89.txt /app/dir_4/
RUN echo step 10_90 && mkdir -p /tmp/d10_90 && touch /tmp/d10_90/f
RUN echo step 10_91 && mkdir -p /tmp/d10_91 && touch /tmp/d10_91/f
EXPOSE 8092/tcp
RUN echo step 10_93 && mkdir -p /tmp/d10_93 && touch /tmp/d10_93/f
ARG A_10_94=default_10_94
RUN echo step 10_95 && mkdir -p /tmp/d10_95 && touch /tmp/d10_95/f
RUN echo step 10_96 && mkdir -p /tmp/d10_96 && touch /tmp/d10_96/f
EXPOSE 8097/tcp
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s10_98
RUN echo step 10_99 && mkdir -p /tmp/d10_99 && touch /tmp/d10_99/f
EXPOSE 8100/tcp
ENV VAR_10_101=value_10_101 OTHER_10_101=${A_10_70}
LABEL org.example.l10_102="label 10_102"
ENV VAR_10_103=value_10_103 OTHER_10_103=${A_9_19}
RUN echo step 10_104 && mkdir -p /tmp/d10_104 && touch /tmp/d10_104/f
ENV VAR_10_105=value_10_105 OTHER_10_105=${A_3_189}
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s10_106
ENV VAR_10_107=value_10_107 OTHER_10_107=${A_4_199}
ARG A_10_108=default_10_108
COPY --from=s9 /tmp /from-10_109/
COPY src/file_10_110.txt /app/dir_8/
ENV VAR_10_111=value_10_111 OTHER_10_111=${A_5_163}
USER root
RUN echo step 10_113 && mkdir -p /tmp/d10_113 && touch /tmp/d10_113/f
ARG A_10_114=default_10_114
RUN echo step 10_115 && mkdir -p /tmp/d10_115 && touch /tmp/d10_115/f
WORKDIR /work/w12
EXPOSE 8117/tcp
RUN echo step 10_118 && mkdir -p /tmp/d10_118 && touch /tmp/d10_118/f
WORKDIR /work/w2
RUN echo step 10_120 && mkdir -p /tmp/d10_120 && touch /tmp/d10_120/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s10_121
COPY src/file_10_122.txt /app/dir_3/
RUN echo step 10_123 && mkdir -p /tmp/d10_123 && touch /tmp/d10_123/f
RUN echo step 10_124 && mkdir -p /tmp/d10_124 && touch /tmp/d10_124/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s10_125
ARG A_10_126=default_10_126
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s10_127
COPY src/file_10_128.txt /app/dir_9/
COPY src/file_10_129.txt /app/dir_10/
RUN echo step 10_130 && mkdir -p /tmp/d10_130 && touch /tmp/d10_130/f
ARG A_10_131=default_10_131
EXPOSE 8132/tcp
COPY src/file_10_133.txt /app/dir_14/
RUN echo step 10_134 && mkdir -p /tmp/d10_134 && touch /tmp/d10_134/f
ARG A_10_135=default_10_135
ARG A_10_136=default_10_136
COPY src/file_10_137.txt /app/dir_1/
LABEL org.example.l10_138="label 10_138"
LABEL org.example.l10_139="label 10_139"
USER root
ARG A_10_141=default_10_141
WORKDIR /work/w12
ENV VAR_10_143=value_10_143 OTHER_10_143=${A_9_199}
WORKDIR /work/w1
ENV VAR_10_145=value_10_145 OTHER_10_145=${A_7_113}
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s10_146
LABEL org.example.l10_147="label 10_147"
LABEL org.example.l10_148="label 10_148"
RUN echo step 10_149 && mkdir -p /tmp/d10_149 && touch /tmp/d10_149/f
RUN echo step 10_150 && mkdir -p /tmp/d10_150 && touch /tmp/d10_150/f
EXPOSE 8151/tcp
WORKDIR /work/w9
LABEL org.example.l10_153="label 10_153"
COPY --from=s9 /tmp /from-10_154/
ENV VAR_10_155=value_10_155 OTHER_10_155=${A_8_163}
LABEL org.example.l10_156="label 10_156"
RUN echo step 10_157 && mkdir -p /tmp/d10_157 && touch /tmp/d10_157/f
ENV VAR_10_158=value_10_158 OTHER_10_158=${A_6_43}
COPY src/file_10_159.txt /app/dir_6/
ARG A_10_160=default_10_160
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s10_161
RUN echo step 10_162 && mkdir -p /tmp/d10_162 && touch /tmp/d10_162/f
RUN echo step 10_163 && mkdir -p /tmp/d10_163 && touch /tmp/d10_163/f
COPY src/file_10_164.txt /app/dir_11/
COPY src/file_10_165.txt /app/dir_12/
ENV VAR_10_166=value_10_166 OTHER_10_166=${A_4_90}
ENV VAR_10_167=value_10_167 OTHER_10_167=${A_7_113}
ARG A_10_168=default_10_168
ENV VAR_10_169=value_10_169 OTHER_10_169=${A_4_41}
LABEL org.example.l10_170="label 10_170"
ENV VAR_10_171=value_10_171 OTHER_10_171=${A_4_175}
RUN echo step 10_172 && mkdir -p /tmp/d10_172 && touch /tmp/d10_172/f
ENV VAR_10_173=value_10_173 OTHER_10_173=${A_5_17}
RUN echo step 10_174 && mkdir -p /tmp/d10_174 && touch /tmp/d10_174/f
RUN echo step 10_175 && mkdir -p /tmp/d10_175 && touch /tmp/d10_175/f
LABEL org.example.l10_176="label 10_176"
RUN echo step 10_177 && mkdir -p /tmp/d10_177 && touch /tmp/d10_177/f
ENV VAR_10_178=value_10_178 OTHER_10_178=${A_6_174}
USER root
COPY src/file_10_180.txt /app/dir_10/
ENV VAR_10_181=value_10_181 OTHER_10_181=${A_5_18}
USER root
RUN echo step 10_183 && mkdir -p /tmp/d10_183 && touch /tmp/d10_183/f
ENV VAR_10_184=value_10_184 OTHER_10_184=${A_7_127}
EXPOSE 8185/tcp
RUN echo step 10_186 && mkdir -p /tmp/d10_186 && touch /tmp/d10_186/f
COPY src/file_10_187.txt /app/dir_0/
WORKDIR /work/w6
WORKDIR /work/w7
ENV VAR_10_190=value_10_190 OTHER_10_190=${A_4_85}
RUN echo step 10_191 && mkdir -p /tmp/d10_191 && touch /tmp/d10_191/f
EXPOSE 8192/tcp
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s10_193
LABEL org.example.l10_194="label 10_194"
LABEL org.example.l10_195="label 10_195"
ENV VAR_10_196=value_10_196 OTHER_10_196=${A_0_85}
ENV VAR_10_197=value_10_197 OTHER_10_197=${A_5_181}
COPY src/file_10_198.txt /app/dir_11/
LABEL org.example.l10_199="label 10_199"
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s11
ARG A_11_0=default_11_0
RUN echo step 11_1 && mkdir -p /tmp/d11_1 && touch /tmp/d11_1/f
COPY src/file_11_2.txt /app/dir_2/
EXPOSE 8003/tcp
ARG A_11_4=default_11_4
COPY src/file_11_5.txt /app/dir_5/
COPY src/file_11_6.txt /app/dir_6/
COPY src/file_11_7.txt /app/dir_7/
WORKDIR /work/w8
ARG A_11_9=default_11_9
COPY src/file_11_10.txt /app/dir_10/
WORKDIR /work/w11
WORKDIR /work/w12
RUN echo step 11_13 && mkdir -p /tmp/d11_13 && touch /tmp/d11_13/f
WORKDIR /work/w1
COPY src/file_11_15.txt /app/dir_15/
LABEL org.example.l11_16="label 11_16"
ENV VAR_11_17=value_11_17 OTHER_11_17=${A_8_165}
COPY src/file_11_18.txt /app/dir_1/
EXPOSE 8019/tcp
USER root
RUN echo step 11_21 && mkdir -p /tmp/d11_21 && touch /tmp/d11_21/f
ENV VAR_11_22=value_11_22 OTHER_11_22=${A_3_102}
RUN echo step 11_23 && mkdir -p /tmp/d11_23 && touch /tmp/d11_23/f
RUN echo step 11_24 && mkdir -p /tmp/d11_24 && touch /tmp/d11_24/f
ARG A_11_25=default_11_25
LABEL org.example.l11_26="label 11_26"
RUN echo step 11_27 && mkdir -p /tmp/d11_27 && touch /tmp/d11_27/f
ENV VAR_11_28=value_11_28 OTHER_11_28=${A_10_136}
ARG A_11_29=default_11_29
ENV VAR_11_30=value_11_30 OTHER_11_30=${A_10_26}
USER root
ENV VAR_11_32=value_11_32 OTHER_11_32=${A_0_141}
COPY src/file_11_33.txt /app/dir_16/
RUN echo step 11_34 && mkdir -p /tmp/d11_34 && touch /tmp/d11_34/f
ARG A_11_35=default_11_35
WORKDIR /work/w10
ENV VAR_11_37=value_11_37 OTHER_11_37=${A_9_129}
COPY src/file_11_38.txt /app/dir_4/
COPY src/file_11_39.txt /app/dir_5/
RUN echo step 11_40 && mkdir -p /tmp/d11_40 && touch /tmp/d11_40/f
LABEL org.example.l11_41="label 11_41"
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s11_42
RUN echo step 11_43 && mkdir -p /tmp/d11_43 && touch /tmp/d11_43/f
RUN echo step 11_44 && mkdir -p /tmp/d11_44 && touch /tmp/d11_44/f
WORKDIR /work/w6
RUN echo step 11_46 && mkdir -p /tmp/d11_46 && touch /tmp/d11_46/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s11_47
COPY src/file_11_48.txt /app/dir_14/
COPY --from=s10 /tmp /from-11_49/
ARG A_11_50=default_11_50
LABEL org.example.l11_51="label 11_51"
RUN echo step 11_52 && mkdir -p /tmp/d11_52 && touch /tmp/d11_52/f
RUN echo step 11_53 && mkdir -p /tmp/d11_53 && touch /tmp/d11_53/f
WORKDIR /work/w2
ARG A_11_55=default_11_55
ENV VAR_11_56=value_11_56 OTHER_11_56=${A_5_12}
RUN echo step 11_57 && mkdir -p /tmp/d11_57 && touch /tmp/d11_57/f
RUN echo step 11_58 && mkdir -p /tmp/d11_58 && touch /tmp/d11_58/f
RUN echo step 11_59 && mkdir -p /tmp/d11_59 && touch /tmp/d11_59/f
RUN echo step 11_60 && mkdir -p /tmp/d11_60 && touch /tmp/d11_60/f
ARG A_11_61=default_11_61
RUN echo step 11_62 && mkdir -p /tmp/d11_62 && touch /tmp/d11_62/f
RUN echo step 11_63 && mkdir -p /tmp/d11_63 && touch /tmp/d11_63/f
ENV VAR_11_64=value_11_64 OTHER_11_64=${A_0_167}
COPY src/file_11_65.txt /app/dir_14/
WORKDIR /work/w1
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s11_67
RUN echo step 11_68 && mkdir -p /tmp/d11_68 && touch /tmp/d11_68/f
RUN echo step 11_69 && mkdir -p /tmp/d11_69 && touch /tmp/d11_69/f
WORKDIR /work/w5
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s11_71
ENV VAR_11_72=value_11_72 OTHER_11_72=${A_5_51}
RUN echo step 11_73 && mkdir -p /tmp/d11_73 && touch /tmp/d11_73/f
RUN echo step 11_74 && mkdir -p /tmp/d11_74 && touch /tmp/d11_74/f
COPY src/file_11_75.txt /app/dir_7/
ARG A_11_76=default_11_76
COPY src/file_11_77.txt /app/dir_9/
COPY src/file_11_78.txt /app/dir_10/
ENV VAR_11_79=value_11_79 OTHER_11_79=${A_9_13}
WORKDIR /work/w2
RUN echo step 11_81 && mkdir -p /tmp/d11_81 && touch /tmp/d11_81/f
RUN echo step 11_82 && mkdir -p /tmp/d11_82 && touch /tmp/d11_82/f
RUN echo step 11_83 && mkdir -p /tmp/d11_83 && touch /tmp/d11_83/f
RUN echo step 11_84 && mkdir -p /tmp/d11_84 && touch /tmp/d11_84/f
RUN echo step 11_85 && mkdir -p /tmp/d11_85 && touch /tmp/d11_85/f
ENV VAR_11_86=value_11_86 OTHER_11_86=${A_3_10}
USER root
ARG A_11_88=default_11_88
COPY src/file_11_89.txt /app/dir_4/
ARG A_11_90=default_11_90
COPY src/file_11_91.txt /app/dir_6/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s11_92
ARG A_11_93=default_11_93
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s11_94
COPY src/file_11_95.txt /app/dir_10/
ARG A_11_96=default_11_96
RUN echo step 11_97 && mkdir -p /tmp/d11_97 && touch /tmp/d11_97/f
RUN echo step 11_98 && mkdir -p /tmp/d11_98 && touch /tmp/d11_98/f
COPY src/file_11_99.txt /app/dir_14/
COPY src/file_11_100.txt /app/dir_15/
COPY --from=s10 /tmp /from-11_101/
RUN echo step 11_102 && mkdir -p /tmp/d11_102 && touch /tmp/d11_102/f
COPY src/file_11_103.txt /app/dir_1/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s11_104
COPY src/file_11_105.txt /app/dir_3/
ENV VAR_11_106=value_11_106 OTHER_11_106=${A_7_146}
RUN echo step 11_107 && mkdir -p /tmp/d11_107 && touch /tmp/d11_107/f
COPY src/file_11_108.txt /app/dir_6/
COPY src/file_11_109.txt /app/dir_7/
ENV VAR_11_110=value_11_110 OTHER_11_110=${A_11_29}
RUN echo step 11_111 && mkdir -p /tmp/d11_111 && touch /tmp/d11_111/f
RUN echo step 11_112 && mkdir -p /tmp/d11_112 && touch /tmp/d11_112/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s11_113
RUN echo step 11_114 && mkdir -p /tmp/d11_114 && touch /tmp/d11_114/f
USER root
ARG A_11_116=default_11_116
RUN echo step 11_117 && mkdir -p /tmp/d11_117 && touch /tmp/d11_117/f
ENV VAR_11_118=value_11_118 OTHER_11_118=${A_5_130}
COPY src/file_11_119.txt /app/dir_0/
ENV VAR_11_120=value_11_120 OTHER_11_120=${A_3_145}
ENV VAR_11_121=value_11_121 OTHER_11_121=${A_0_141}
ENV VAR_11_122=value_11_122 OTHER_11_122=${A_9_104}
EXPOSE 8123/tcp
RUN echo step 11_124 && mkdir -p /tmp/d11_124 && touch /tmp/d11_124/f
ENV VAR_11_125=value_11_125 OTHER_11_125=${A_1_179}
RUN echo step 11_126 && mkdir -p /tmp/d11_126 && touch /tmp/d11_126/f
COPY --from=s10 /tmp /from-11_127/
RUN echo step 11_128 && mkdir -p /tmp/d11_128 && touch /tmp/d11_128/f
COPY --from=s10 /tmp /from-11_129/
RUN echo step 11_130 && mkdir -p /tmp/d11_130 && touch /tmp/d11_130/f
COPY --from=s10 /tmp /from-11_131/
COPY --from=s10 /tmp /from-11_132/
ARG A_11_133=default_11_133
COPY src/file_11_134.txt /app/dir_15/
WORKDIR /work/w5
COPY src/file_11_136.txt /app/dir_0/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s11_137
COPY src/file_11_138.txt /app/dir_2/
ENV VAR_11_139=value_11_139 OTHER_11_139=${A_5_130}
RUN echo step 11_140 && mkdir -p /tmp/d11_140 && touch /tmp/d11_140/f
RUN echo step 11_141 && mkdir -p /tmp/d11_141 && touch /tmp/d11_141/f
WORKDIR /work/w12
RUN echo step 11_143 && mkdir -p /tmp/d11_143 && touch /tmp/d11_143/f
COPY src/file_11_144.txt /app/dir_8/
WORKDIR /work/w2
WORKDIR /work/w3
WORKDIR /work/w4
RUN echo step 11_148 && mkdir -p /tmp/d11_148 && touch /tmp/d11_148/f
ENV VAR_11_149=value_11_149 OTHER_11_149=${A_10_114}
LABEL org.example.l11_150="label 11_150"
WORKDIR /work/w8
COPY src/file_11_152.txt /app/dir_16/
ENV VAR_11_153=value_11_153 OTHER_11_153=${A_9_13}
RUN echo step 11_154 && mkdir -p /tmp/d11_154 && touch /tmp/d11_154/f
COPY src/file_11_155.txt /app/dir_2/
RUN echo step 11_156 && mkdir -p /tmp/d11_156 && touch /tmp/d11_156/f
ENV VAR_11_157=value_11_157 OTHER_11_157=${A_4_19}
ARG A_11_158=default_11_158
RUN echo step 11_159 && mkdir -p /tmp/d11_159 && touch /tmp/d11_159/f
LABEL org.example.l11_160="label 11_160"
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s11_161
WORKDIR /work/w6
ENV VAR_11_163=value_11_163 OTHER_11_163=${A_4_6}
RUN echo step 11_164 && mkdir -p /tmp/d11_164 && touch /tmp/d11_164/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s11_165
COPY src/file_11_166.txt /app/dir_13/
EXPOSE 8167/tcp
ENV VAR_11_168=value_11_168 OTHER_11_168=${A_5_51}
USER root
RUN echo step 11_170 && mkdir -p /tmp/d11_170 && touch /tmp/d11_170/f
RUN echo step 11_171 && mkdir -p /tmp/d11_171 && touch /tmp/d11_171/f
ENV VAR_11_172=value_11_172 OTHER_11_172=${A_0_129}
ENV VAR_11_173=value_11_173 OTHER_11_173=${A_9_156}
COPY src/file_11_174.txt /app/dir_4/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s11_175
RUN echo step 11_176 && mkdir -p /tmp/d11_176 && touch /tmp/d11_176/f
RUN echo step 11_177 && mkdir -p /tmp/d11_177 && touch /tmp/d11_177/f
ARG A_11_178=default_11_178
COPY src/file_11_179.txt /app/dir_9/
RUN echo step 11_180 && mkdir -p /tmp/d11_180 && touch /tmp/d11_180/f
COPY --from=s10 /tmp /from-11_181/
RUN echo step 11_182 && mkdir -p /tmp/d11_182 && touch /tmp/d11_182/f
ENV VAR_11_183=value_11_183 OTHER_11_183=${A_5_18}
RUN echo step 11_184 && mkdir -p /tmp/d11_184 && touch /tmp/d11_184/f
WORKDIR /work/w3
ENV VAR_11_186=value_11_186 OTHER_11_186=${A_9_166}
ENV VAR_11_187=value_11_187 OTHER_11_187=${A_2_170}
COPY src/file_11_188.txt /app/dir_1/
COPY src/file_11_189.txt /app/dir_2/
WORKDIR /work/w8
RUN echo step 11_191 && mkdir -p /tmp/d11_191 && touch /tmp/d11_191/f
EXPOSE 8192/tcp
WORKDIR /work/w11
WORKDIR /work/w12
RUN echo step 11_195 && mkdir -p /tmp/d11_195 && touch /tmp/d11_195/f
ARG A_11_196=default_11_196
LABEL org.example.l11_197="label 11_197"
COPY --from=s10 /tmp /from-11_198/
RUN echo step 11_199 && mkdir -p /tmp/d11_199 && touch /tmp/d11_199/f
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s12
RUN echo step 12_0 && mkdir -p /tmp/d12_0 && touch /tmp/d12_0/f
COPY src/file_12_1.txt /app/dir_1/
ENV VAR_12_2=value_12_2 OTHER_12_2=${A_5_158}
LABEL org.example.l12_3="label 12_3"
RUN echo step 12_4 && mkdir -p /tmp/d12_4 && touch /tmp/d12_4/f
LABEL org.example.l12_5="label 12_5"
RUN echo step 12_6 && mkdir -p /tmp/d12_6 && touch /tmp/d12_6/f
RUN echo step 12_7 && mkdir -p /tmp/d12_7 && touch /tmp/d12_7/f
EXPOSE 8008/tcp
USER root
ENV VAR_12_10=value_12_10 OTHER_12_10=${A_8_136}
COPY --from=s11 /tmp /from-12_11/
ENV VAR_12_12=value_12_12 OTHER_12_12=${A_3_38}
COPY src/file_12_13.txt /app/dir_13/
RUN echo step 12_14 && mkdir -p /tmp/d12_14 && touch /tmp/d12_14/f
RUN echo step 12_15 && mkdir -p /tmp/d12_15 && touch /tmp/d12_15/f
WORKDIR /work/w3
LABEL org.example.l12_17="label 12_17"
COPY src/file_12_18.txt /app/dir_1/
COPY --from=s11 /tmp /from-12_19/
EXPOSE 8020/tcp
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s12_21
LABEL org.example.l12_22="label 12_22"
COPY src/file_12_23.txt /app/dir_6/
COPY src/file_12_24.txt /app/dir_7/
RUN echo step 12_25 && mkdir -p /tmp/d12_25 && touch /tmp/d12_25/f
RUN echo step 12_26 && mkdir -p /tmp/d12_26 && touch /tmp/d12_26/f
WORKDIR /work/w1
RUN echo step 12_28 && mkdir -p /tmp/d12_28 && touch /tmp/d12_28/f
RUN echo step 12_29 && mkdir -p /tmp/d12_29 && touch /tmp/d12_29/f
ENV VAR_12_30=value_12_30 OTHER_12_30=${A_5_36}
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s12_31
COPY --from=s11 /tmp /from-12_32/
COPY src/file_12_33.txt /app/dir_16/
RUN echo step 12_34 && mkdir -p /tmp/d12_34 && touch /tmp/d12_34/f
COPY --from=s11 /tmp /from-12_35/
COPY src/file_12_36.txt /app/dir_2/
USER root
ARG A_12_38=default_12_38
ARG A_12_39=default_12_39
COPY --from=s11 /tmp /from-12_40/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s12_41
RUN echo step 12_42 && mkdir -p /tmp/d12_42 && touch /tmp/d12_42/f
RUN echo step 12_43 && mkdir -p /tmp/d12_43 && touch /tmp/d12_43/f
COPY src/file_12_44.txt /app/dir_10/
EXPOSE 8045/tcp
RUN echo step 12_46 && mkdir -p /tmp/d12_46 && touch /tmp/d12_46/f
ENV VAR_12_47=value_12_47 OTHER_12_47=${A_11_29}
LABEL org.example.l12_48="label 12_48"
COPY src/file_12_49.txt /app/dir_15/
RUN echo step 12_50 && mkdir -p /tmp/d12_50 && touch /tmp/d12_50/f
EXPOSE 8051/tcp
WORKDIR /work/w0
EXPOSE 8053/tcp
RUN echo step 12_54 && mkdir -p /tmp/d12_54 && touch /tmp/d12_54/f
ENV VAR_12_55=value_12_55 OTHER_12_55=${A_2_191}
LABEL org.example.l12_56="label 12_56"
WORKDIR /work/w5
RUN echo step 12_58 && mkdir -p /tmp/d12_58 && touch /tmp/d12_58/f
USER root
COPY src/file_12_60.txt /app/dir_9/
COPY src/file_12_61.txt /app/dir_10/
EXPOSE 8062/tcp
COPY src/file_12_63.txt /app/dir_12/
WORKDIR /work/w12
ARG A_12_65=default_12_65
COPY --from=s11 /tmp /from-12_66/
RUN echo step 12_67 && mkdir -p /tmp/d12_67 && touch /tmp/d12_67/f
COPY src/file_12_68.txt /app/dir_0/
RUN echo step 12_69 && mkdir -p /tmp/d12_69 && touch /tmp/d12_69/f
LABEL org.example.l12_70="label 12_70"
ENV VAR_12_71=value_12_71 OTHER_12_71=${A_0_152}
RUN echo step 12_72 && mkdir -p /tmp/d12_72 && touch /tmp/d12_72/f
ARG A_12_73=default_12_73
RUN echo step 12_74 && mkdir -p /tmp/d12_74 && touch /tmp/d12_74/f
COPY src/file_12_75.txt /app/dir_7/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s12_76
ARG A_12_77=default_12_77
COPY src/file_12_78.txt /app/dir_10/
USER root
RUN echo step 12_80 && mkdir -p /tmp/d12_80 && touch /tmp/d12_80/f
ENV VAR_12_81=value_12_81 OTHER_12_81=${A_9_8}
WORKDIR /work/w4
ENV VAR_12_83=value_12_83 OTHER_12_83=${A_3_23}
LABEL org.example.l12_84="label 12_84"
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s12_85
ENV VAR_12_86=value_12_86 OTHER_12_86=${A_5_12}
EXPOSE 8087/tcp
ARG A_12_88=default_12_88
WORKDIR /work/w11
COPY src/file_12_90.txt /app/dir_5/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s12_91
RUN echo step 12_92 && mkdir -p /tmp/d12_92 && touch /tmp/d12_92/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s12_93
WORKDIR /work/w3
ENV VAR_12_95=value_12_95 OTHER_12_95=${A_6_36}
COPY src/file_12_96.txt /app/dir_11/
ENV VAR_12_97=value_12_97 OTHER_12_97=${A_9_129}
WORKDIR /work/w7
RUN echo step 12_99 && mkdir -p /tmp/d12_99 && touch /tmp/d12_99/f
RUN echo step 12_100 && mkdir -p /tmp/d12_100 && touch /tmp/d12_100/f
LABEL org.example.l12_101="label 12_101"
RUN echo step 12_102 && mkdir -p /tmp/d12_102 && touch /tmp/d12_102/f
ENV VAR_12_103=value_12_103 OTHER_12_103=${A_4_199}
RUN echo step 12_104 && mkdir -p /tmp/d12_104 && touch /tmp/d12_104/f
USER root
ENV VAR_12_106=value_12_106 OTHER_12_106=${A_9_143}
COPY src/file_12_107.txt /app/dir_5/
COPY src/file_12_108.txt /app/dir_6/
ARG A_12_109=default_12_109
ENV VAR_12_110=value_12_110 OTHER_12_110=${A_3_58}
ENV VAR_12_111=value_12_111 OTHER_12_111=${A_11_158}
COPY src/file_12_112.txt /app/dir_10/
WORKDIR /work/w9
WORKDIR /work/w10
WORKDIR /work/w11
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s12_116
COPY src/file_12_117.txt /app/dir_15/
ARG A_12_118=default_12_118
USER root
RUN echo step 12_120 && mkdir -p /tmp/d12_120 && touch /tmp/d12_120/f
LABEL org.example.l12_121="label 12_121"
RUN echo step 12_122 && mkdir -p /tmp/d12_122 && touch /tmp/d12_122/f
COPY src/file_12_123.txt /app/dir_4/
RUN echo step 12_124 && mkdir -p /tmp/d12_124 && touch /tmp/d12_124/f
ENV VAR_12_125=value_12_125 OTHER_12_125=${A_10_54}
LABEL org.example.l12_126="label 12_126"
COPY src/file_12_127.txt /app/dir_8/
USER root
RUN echo step 12_129 && mkdir -p /tmp/d12_129 && touch /tmp/d12_129/f
LABEL org.example.l12_130="label 12_130"
RUN echo step 12_131 && mkdir -p /tmp/d12_131 && touch /tmp/d12_131/f
EXPOSE 8132/tcp
ENV VAR_12_133=value_12_133 OTHER_12_133=${A_0_34}
RUN echo step 12_134 && mkdir -p /tmp/d12_134 && touch /tmp/d12_134/f
ENV VAR_12_135=value_12_135 OTHER_12_135=${A_11_196}
USER root
ARG A_12_137=default_12_137
RUN echo step 12_138 && mkdir -p /tmp/d12_138 && touch /tmp/d12_138/f
RUN echo step 12_139 && mkdir -p /tmp/d12_139 && touch /tmp/d12_139/f
USER root
EXPOSE 8141/tcp
RUN echo step 12_142 && mkdir -p /tmp/d12_142 && touch /tmp/d12_142/f
ENV VAR_12_143=value_12_143 OTHER_12_143=${A_8_74}
RUN echo step 12_144 && mkdir -p /tmp/d12_144 && touch /tmp/d12_144/f
RUN echo step 12_145 && mkdir -p /tmp/d12_145 && touch /tmp/d12_145/f
ARG A_12_146=default_12_146
EXPOSE 8147/tcp
WORKDIR /work/w5
ENV VAR_12_149=value_12_149 OTHER_12_149=${A_2_191}
COPY --from=s11 /tmp /from-12_150/
COPY src/file_12_151.txt /app/dir_15/
COPY src/file_12_152.txt /app/dir_16/
RUN echo step 12_153 && mkdir -p /tmp/d12_153 && touch /tmp/d12_153/f
WORKDIR /work/w11
COPY src/file_12_155.txt /app/dir_2/
RUN echo step 12_156 && mkdir -p /tmp/d12_156 && touch /tmp/d12_156/f
COPY src/file_12_157.txt /app/dir_4/
ARG A_12_158=default_12_158
COPY --from=s11 /tmp /from-12_159/
COPY --from=s11 /tmp /from-12_160/
WORKDIR /work/w5
ARG A_12_162=default_12_162
COPY src/file_12_163.txt /app/dir_10/
ENV VAR_12_164=value_12_164 OTHER_12_164=${A_10_80}
COPY src/file_12_165.txt /app/dir_12/
ENV VAR_12_166=value_12_166 OTHER_12_166=${A_10_54}
COPY --from=s11 /tmp /from-12_167/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s12_168
WORKDIR /work/w0
ARG A_12_170=default_12_170
WORKDIR /work/w2
COPY --from=s11 /tmp /from-12_172/
WORKDIR /work/w4
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s12_174
COPY src/file_12_175.txt /app/dir_5/
ENV VAR_12_176=value_12_176 OTHER_12_176=${A_0_74}
LABEL org.example.l12_177="label 12_177"
RUN echo step 12_178 && mkdir -p /tmp/d12_178 && touch /tmp/d12_178/f
LABEL org.example.l12_179="label 12_179"
ARG A_12_180=default_12_180
COPY src/file_12_181.txt /app/dir_11/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s12_182
LABEL org.example.l12_183="label 12_183"
USER root
ARG A_12_185=default_12_185
RUN echo step 12_186 && mkdir -p /tmp/d12_186 && touch /tmp/d12_186/f
ARG A_12_187=default_12_187
COPY src/file_12_188.txt /app/dir_1/
COPY src/file_12_189.txt /app/dir_2/
LABEL org.example.l12_190="label 12_190"
COPY src/file_12_191.txt /app/dir_4/
COPY src/file_12_192.txt /app/dir_5/
LABEL org.example.l12_193="label 12_193"
WORKDIR /work/w12
RUN echo step 12_195 && mkdir -p /tmp/d12_195 && touch /tmp/d12_195/f
COPY --from=s11 /tmp /from-12_196/
ARG A_12_197=default_12_197
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s12_198
RUN echo step 12_199 && mkdir -p /tmp/d12_199 && touch /tmp/d12_199/f
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s13
RUN echo step 13_0 && mkdir -p /tmp/d13_0 && touch /tmp/d13_0/f
RUN echo step 13_1 && mkdir -p /tmp/d13_1 && touch /tmp/d13_1/f
COPY --from=s12 /tmp /from-13_2/
ARG A_13_3=default_13_3
COPY --from=s12 /tmp /from-13_4/
WORKDIR /work/w5
COPY src/file_13_6.txt /app/dir_6/
COPY src/file_13_7.txt /app/dir_7/
ARG A_13_8=default_13_8
COPY src/file_13_9.txt /app/dir_9/
USER root
LABEL org.example.l13_11="label 13_11"
ENV VAR_13_12=value_13_12 OTHER_13_12=${A_1_130}
ARG A_13_13=default_13_13
COPY --from=s12 /tmp /from-13_14/
ENV VAR_13_15=value_13_15 OTHER_13_15=${A_4_142}
ARG A_13_16=default_13_16
COPY src/file_13_17.txt /app/dir_0/
ENV VAR_13_18=value_13_18 OTHER_13_18=${A_2_170}
RUN echo step 13_19 && mkdir -p /tmp/d13_19 && touch /tmp/d13_19/f
RUN echo step 13_20 && mkdir -p /tmp/d13_20 && touch /tmp/d13_20/f
RUN echo step 13_21 && mkdir -p /tmp/d13_21 && touch /tmp/d13_21/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s13_22
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s13_23
RUN echo step 13_24 && mkdir -p /tmp/d13_24 && touch /tmp/d13_24/f
WORKDIR /work/w12
COPY --from=s12 /tmp /from-13_26/
RUN echo step 13_27 && mkdir -p /tmp/d13_27 && touch /tmp/d13_27/f
ARG A_13_28=default_13_28
RUN echo step 13_29 && mkdir -p /tmp/d13_29 && touch /tmp/d13_29/f
ENV VAR_13_30=value_13_30 OTHER_13_30=${A_1_179}
RUN echo step 13_31 && mkdir -p /tmp/d13_31 && touch /tmp/d13_31/f
LABEL org.example.l13_32="label 13_32"
RUN echo step 13_33 && mkdir -p /tmp/d13_33 && touch /tmp/d13_33/f
ENV VAR_13_34=value_13_34 OTHER_13_34=${A_0_74}
ENV VAR_13_35=value_13_35 OTHER_13_35=${A_4_199}
ENV VAR_13_36=value_13_36 OTHER_13_36=${A_1_130}
ENV VAR_13_37=value_13_37 OTHER_13_37=${A_7_113}
USER root
RUN echo step 13_39 && mkdir -p /tmp/d13_39 && touch /tmp/d13_39/f
ENV VAR_13_40=value_13_40 OTHER_13_40=${A_3_119}
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s13_41
ENV VAR_13_42=value_13_42 OTHER_13_42=${A_11_61}
RUN echo step 13_43 && mkdir -p /tmp/d13_43 && touch /tmp/d13_43/f
USER root
RUN echo step 13_45 && mkdir -p /tmp/d13_45 && touch /tmp/d13_45/f
COPY src/file_13_46.txt /app/dir_12/
EXPOSE 8047/tcp
ENV VAR_13_48=value_13_48 OTHER_13_48=${A_3_102}
COPY src/file_13_49.txt /app/dir_15/
USER root
ARG A_13_51=default_13_51
ENV VAR_13_52=value_13_52 OTHER_13_52=${A_11_0}
ARG A_13_53=default_13_53
LABEL org.example.l13_54="label 13_54"
ENV VAR_13_55=value_13_55 OTHER_13_55=${A_0_148}
ARG A_13_56=default_13_56
ENV VAR_13_57=value_13_57 OTHER_13_57=${A_12_73}
RUN echo step 13_58 && mkdir -p /tmp/d13_58 && touch /tmp/d13_58/f
WORKDIR /work/w7
ENV VAR_13_60=value_13_60 OTHER_13_60=${A_10_136}
ENV VAR_13_61=value_13_61 OTHER_13_61=${A_6_120}
RUN echo step 13_62 && mkdir -p /tmp/d13_62 && touch /tmp/d13_62/f
RUN echo step 13_63 && mkdir -p /tmp/d13_63 && touch /tmp/d13_63/f
COPY src/file_13_64.txt /app/dir_13/
USER root
COPY --from=s12 /tmp /from-13_66/
COPY src/file_13_67.txt /app/dir_16/
RUN echo step 13_68 && mkdir -p /tmp/d13_68 && touch /tmp/d13_68/f
WORKDIR /work/w4
RUN echo step 13_70 && mkdir -p /tmp/d13_70 && touch /tmp/d13_70/f
USER root
WORKDIR /work/w7
WORKDIR /work/w8
RUN echo step 13_74 && mkdir -p /tmp/d13_74 && touch /tmp/d13_74/f
ENV VAR_13_75=value_13_75 OTHER_13_75=${A_9_199}
ENV VAR_13_76=value_13_76 OTHER_13_76=${A_9_128}
RUN echo step 13_77 && mkdir -p /tmp/d13_77 && touch /tmp/d13_77/f
USER root
COPY src/file_13_79.txt /app/dir_11/
COPY src/file_13_80.txt /app/dir_12/
USER root
COPY src/file_13_82.txt /app/dir_14/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s13_83
ENV VAR_13_84=value_13_84 OTHER_13_84=${A_9_156}
COPY src/file_13_85.txt /app/dir_0/
COPY --from=s12 /tmp /from-13_86/
ENV VAR_13_87=value_13_87 OTHER_13_87=${A_10_141}
RUN echo step 13_88 && mkdir -p /tmp/d13_88 && touch /tmp/d13_88/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s13_89
RUN echo step 13_90 && mkdir -p /tmp/d13_90 && touch /tmp/d13_90/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s13_91
RUN echo step 13_92 && mkdir -p /tmp/d13_92 && touch /tmp/d13_92/f
RUN echo step 13_93 && mkdir -p /tmp/d13_93 && touch /tmp/d13_93/f
RUN echo step 13_94 && mkdir -p /tmp/d13_94 && touch /tmp/d13_94/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s13_95
RUN echo step 13_96 && mkdir -p /tmp/d13_96 && touch /tmp/d13_96/f
WORKDIR /work/w6
RUN echo step 13_98 && mkdir -p /tmp/d13_98 && touch /tmp/d13_98/f
WORKDIR /work/w8
COPY src/file_13_100.txt /app/dir_15/
COPY src/file_13_101.txt /app/dir_16/
COPY src/file_13_102.txt /app/dir_0/
WORKDIR /work/w12
ENV VAR_13_104=value_13_104 OTHER_13_104=${A_8_30}
LABEL org.example.l13_105="label 13_105"
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s13_106
COPY src/file_13_107.txt /app/dir_5/
ENV VAR_13_108=value_13_108 OTHER_13_108=${A_12_88}
RUN echo step 13_109 && mkdir -p /tmp/d13_109 && touch /tmp/d13_109/f
ARG A_13_110=default_13_110
RUN echo step 13_111 && mkdir -p /tmp/d13_111 && touch /tmp/d13_111/f
LABEL org.example.l13_112="label 13_112"
COPY --from=s12 /tmp /from-13_113/
RUN echo step 13_114 && mkdir -p /tmp/d13_114 && touch /tmp/d13_114/f
COPY src/file_13_115.txt /app/dir_13/
RUN echo step 13_116 && mkdir -p /tmp/d13_116 && touch /tmp/d13_116/f
RUN echo step 13_117 && mkdir -p /tmp/d13_117 && touch /tmp/d13_117/f
ARG A_13_118=default_13_118
ENV VAR_13_119=value_13_119 OTHER_13_119=${A_11_96}
RUN echo step 13_120 && mkdir -p /tmp/d13_120 && touch /tmp/d13_120/f
RUN echo step 13_121 && mkdir -p /tmp/d13_121 && touch /tmp/d13_121/f
RUN echo step 13_122 && mkdir -p /tmp/d13_122 && touch /tmp/d13_122/f
COPY src/file_13_123.txt /app/dir_4/
LABEL org.example.l13_124="label 13_124"
ARG A_13_125=default_13_125
COPY src/file_13_126.txt /app/dir_7/
RUN echo step 13_127 && mkdir -p /tmp/d13_127 && touch /tmp/d13_127/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s13_128
COPY src/file_13_129.txt /app/dir_10/
COPY --from=s12 /tmp /from-13_130/
COPY src/file_13_131.txt /app/dir_12/
ENV VAR_13_132=value_13_132 OTHER_13_132=${A_5_156}
WORKDIR /work/w3
COPY src/file_13_134.txt /app/dir_15/
RUN echo step 13_135 && mkdir -p /tmp/d13_135 && touch /tmp/d13_135/f
RUN echo step 13_136 && mkdir -p /tmp/d13_136 && touch /tmp/d13_136/f
COPY src/file_13_137.txt /app/dir_1/
WORKDIR /work/w8
WORKDIR /work/w9
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s13_140
RUN echo step 13_141 && mkdir -p /tmp/d13_141 && touch /tmp/d13_141/f
LABEL org.example.l13_142="label 13_142"
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s13_143
LABEL org.example.l13_144="label 13_144"
LABEL org.example.l13_145="label 13_145"
RUN echo step 13_146 && mkdir -p /tmp/d13_146 && touch /tmp/d13_146/f
ENV VAR_13_147=value_13_147 OTHER_13_147=${A_9_199}
RUN echo step 13_148 && mkdir -p /tmp/d13_148 && touch /tmp/d13_148/f
COPY src/file_13_149.txt /app/dir_13/
COPY src/file_13_150.txt /app/dir_14/
ENV VAR_13_151=value_13_151 OTHER_13_151=${A_10_131}
ENV VAR_13_152=value_13_152 OTHER_13_152=${A_7_127}
RUN echo step 13_153 && mkdir -p /tmp/d13_153 && touch /tmp/d13_153/f
LABEL org.example.l13_154="label 13_154"
WORKDIR /work/w12
WORKDIR /work/w0
WORKDIR /work/w1
ENV VAR_13_158=value_13_158 OTHER_13_158=${A_3_38}
ENV VAR_13_159=value_13_159 OTHER_13_159=${A_4_19}
ENV VAR_13_160=value_13_160 OTHER_13_160=${A_2_191}
LABEL org.example.l13_161="label 13_161"
RUN echo step 13_162 && mkdir -p /tmp/d13_162 && touch /tmp/d13_162/f
COPY --from=s12 /tmp /from-13_163/
LABEL org.example.l13_164="label 13_164"
LABEL org.example.l13_165="label 13_165"
RUN echo step 13_166 && mkdir -p /tmp/d13_166 && touch /tmp/d13_166/f
RUN echo step 13_167 && mkdir -p /tmp/d13_167 && touch /tmp/d13_167/f
RUN echo step 13_168 && mkdir -p /tmp/d13_168 && touch /tmp/d13_168/f
ENV VAR_13_169=value_13_169 OTHER_13_169=${A_1_151}
RUN echo step 13_170 && mkdir -p /tmp/d13_170 && touch /tmp/d13_170/f
COPY src/file_13_171.txt /app/dir_1/
RUN echo step 13_172 && mkdir -p /tmp/d13_172 && touch /tmp/d13_172/f
WORKDIR /work/w4
ENV VAR_13_174=value_13_174 OTHER_13_174=${A_6_93}
WORKDIR /work/w6
ENV VAR_13_176=value_13_176 OTHER_13_176=${A_11_93}
LABEL org.example.l13_177="label 13_177"
RUN echo step 13_178 && mkdir -p /tmp/d13_178 && touch /tmp/d13_178/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s13_179
COPY src/file_13_180.txt /app/dir_10/
WORKDIR /work/w12
WORKDIR /work/w0
RUN echo step 13_183 && mkdir -p /tmp/d13_183 && touch /tmp/d13_183/f
EXPOSE 8184/tcp
ARG A_13_185=default_13_185
USER root
COPY src/file_13_187.txt /app/dir_0/
WORKDIR /work/w6
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s13_189
WORKDIR /work/w8
ENV VAR_13_191=value_13_191 OTHER_13_191=${A_11_96}
RUN echo step 13_192 && mkdir -p /tmp/d13_192 && touch /tmp/d13_192/f
RUN echo step 13_193 && mkdir -p /tmp/d13_193 && touch /tmp/d13_193/f
RUN echo step 13_194 && mkdir -p /tmp/d13_194 && touch /tmp/d13_194/f
EXPOSE 8195/tcp
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s13_196
COPY src/file_13_197.txt /app/dir_10/
ENV VAR_13_198=value_13_198 OTHER_13_198=${A_8_163}
RUN echo step 13_199 && mkdir -p /tmp/d13_199 && touch /tmp/d13_199/f
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s14
RUN echo step 14_0 && mkdir -p /tmp/d14_0 && touch /tmp/d14_0/f
COPY src/file_14_1.txt /app/dir_1/
RUN echo step 14_2 && mkdir -p /tmp/d14_2 && touch /tmp/d14_2/f
RUN echo step 14_3 && mkdir -p /tmp/d14_3 && touch /tmp/d14_3/f
COPY --from=s13 /tmp /from-14_4/
RUN echo step 14_5 && mkdir -p /tmp/d14_5 && touch /tmp/d14_5/f
RUN echo step 14_6 && mkdir -p /tmp/d14_6 && touch /tmp/d14_6/f
RUN echo step 14_7 && mkdir -p /tmp/d14_7 && touch /tmp/d14_7/f
COPY src/file_14_8.txt /app/dir_8/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s14_9
COPY src/file_14_10.txt /app/dir_10/
RUN echo step 14_11 && mkdir -p /tmp/d14_11 && touch /tmp/d14_11/f
ENV VAR_14_12=value_14_12 OTHER_14_12=${A_10_131}
LABEL org.example.l14_13="label 14_13"
WORKDIR /work/w1
WORKDIR /work/w2
RUN echo step 14_16 && mkdir -p /tmp/d14_16 && touch /tmp/d14_16/f
ENV VAR_14_17=value_14_17 OTHER_14_17=${A_13_8}
ENV VAR_14_18=value_14_18 OTHER_14_18=${A_12_158}
ENV VAR_14_19=value_14_19 OTHER_14_19=${A_7_129}
ENV VAR_14_20=value_14_20 OTHER_14_20=${A_11_93}
ARG A_14_21=default_14_21
RUN echo step 14_22 && mkdir -p /tmp/d14_22 && touch /tmp/d14_22/f
COPY src/file_14_23.txt /app/dir_6/
ARG A_14_24=default_14_24
WORKDIR /work/w12
COPY src/file_14_26.txt /app/dir_9/
RUN echo step 14_27 && mkdir -p /tmp/d14_27 && touch /tmp/d14_27/f
COPY src/file_14_28.txt /app/dir_11/
COPY src/file_14_29.txt /app/dir_12/
ENV VAR_14_30=value_14_30 OTHER_14_30=${A_6_15}
COPY src/file_14_31.txt /app/dir_14/
COPY --from=s13 /tmp /from-14_32/
ENV VAR_14_33=value_14_33 OTHER_14_33=${A_5_20}
ARG A_14_34=default_14_34
USER root
ARG A_14_36=default_14_36
RUN echo step 14_37 && mkdir -p /tmp/d14_37 && touch /tmp/d14_37/f
RUN echo step 14_38 && mkdir -p /tmp/d14_38 && touch /tmp/d14_38/f
ENV VAR_14_39=value_14_39 OTHER_14_39=${A_5_158}
LABEL org.example.l14_40="label 14_40"
COPY src/file_14_41.txt /app/dir_7/
RUN echo step 14_42 && mkdir -p /tmp/d14_42 && touch /tmp/d14_42/f
RUN echo step 14_43 && mkdir -p /tmp/d14_43 && touch /tmp/d14_43/f
RUN echo step 14_44 && mkdir -p /tmp/d14_44 && touch /tmp/d14_44/f
ENV VAR_14_45=value_14_45 OTHER_14_45=${A_4_142}
LABEL org.example.l14_46="label 14_46"
WORKDIR /work/w8
RUN echo step 14_48 && mkdir -p /tmp/d14_48 && touch /tmp/d14_48/f
RUN echo step 14_49 && mkdir -p /tmp/d14_49 && touch /tmp/d14_49/f
LABEL org.example.l14_50="label 14_50"
ENV VAR_14_51=value_14_51 OTHER_14_51=${A_3_58}
RUN echo step 14_52 && mkdir -p /tmp/d14_52 && touch /tmp/d14_52/f
WORKDIR /work/w1
RUN echo step 14_54 && mkdir -p /tmp/d14_54 && touch /tmp/d14_54/f
RUN echo step 14_55 && mkdir -p /tmp/d14_55 && touch /tmp/d14_55/f
RUN echo step 14_56 && mkdir -p /tmp/d14_56 && touch /tmp/d14_56/f
WORKDIR /work/w5
COPY src/file_14_58.txt /app/dir_7/
ARG A_14_59=default_14_59
COPY --from=s13 /tmp /from-14_60/
RUN echo step 14_61 && mkdir -p /tmp/d14_61 && touch /tmp/d14_61/f
ENV VAR_14_62=value_14_62 OTHER_14_62=${A_4_183}
ENV VAR_14_63=value_14_63 OTHER_14_63=${A_0_180}
RUN echo step 14_64 && mkdir -p /tmp/d14_64 && touch /tmp/d14_64/f
RUN echo step 14_65 && mkdir -p /tmp/d14_65 && touch /tmp/d14_65/f
WORKDIR /work/w1
LABEL org.example.l14_67="label 14_67"
COPY src/file_14_68.txt /app/dir_0/
LABEL org.example.l14_69="label 14_69"
COPY src/file_14_70.txt /app/dir_2/
COPY src/file_14_71.txt /app/dir_3/
RUN echo step 14_72 && mkdir -p /tmp/d14_72 && touch /tmp/d14_72/f
RUN echo step 14_73 && mkdir -p /tmp/d14_73 && touch /tmp/d14_73/f
EXPOSE 8074/tcp
RUN echo step 14_75 && mkdir -p /tmp/d14_75 && touch /tmp/d14_75/f
COPY --from=s13 /tmp /from-14_76/
ENV VAR_14_77=value_14_77 OTHER_14_77=${A_6_85}
COPY src/file_14_78.txt /app/dir_10/
ENV VAR_14_79=value_14_79 OTHER_14_79=${A_1_189}
COPY src/file_14_80.txt /app/dir_12/
ENV VAR_14_81=value_14_81 OTHER_14_81=${A_9_104}
RUN echo step 14_82 && mkdir -p /tmp/d14_82 && touch /tmp/d14_82/f
ENV VAR_14_83=value_14_83 OTHER_14_83=${A_11_29}
RUN echo step 14_84 && mkdir -p /tmp/d14_84 && touch /tmp/d14_84/f
COPY src/file_14_85.txt /app/dir_0/
RUN echo step 14_86 && mkdir -p /tmp/d14_86 && touch /tmp/d14_86/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s14_87
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s14_88
LABEL org.example.l14_89="label 14_89"
ARG A_14_90=default_14_90
COPY src/file_14_91.txt /app/dir_6/
ENV VAR_14_92=value_14_92 OTHER_14_92=${A_11_25}
ARG A_14_93=default_14_93
ENV VAR_14_94=value_14_94 OTHER_14_94=${A_1_81}
ARG A_14_95=default_14_95
ENV VAR_14_96=value_14_96 OTHER_14_96=${A_0_152}
RUN echo step 14_97 && mkdir -p /tmp/d14_97 && touch /tmp/d14_97/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s14_98
LABEL org.example.l14_99="label 14_99"
COPY --from=s13 /tmp /from-14_100/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s14_101
ARG A_14_102=default_14_102
ENV VAR_14_103=value_14_103 OTHER_14_103=${A_10_160}
ENV VAR_14_104=value_14_104 OTHER_14_104=${A_2_132}
COPY src/file_14_105.txt /app/dir_3/
LABEL org.example.l14_106="label 14_106"
LABEL org.example.l14_107="label 14_107"
RUN echo step 14_108 && mkdir -p /tmp/d14_108 && touch /tmp/d14_108/f
WORKDIR /work/w5
RUN echo step 14_110 && mkdir -p /tmp/d14_110 && touch /tmp/d14_110/f
ARG A_14_111=default_14_111
COPY --from=s13 /tmp /from-14_112/
WORKDIR /work/w9
COPY src/file_14_114.txt /app/dir_12/
ARG A_14_115=default_14_115
COPY src/file_14_116.txt /app/dir_14/
USER root
RUN echo step 14_118 && mkdir -p /tmp/d14_118 && touch /tmp/d14_118/f
ENV VAR_14_119=value_14_119 OTHER_14_119=${A_5_156}
ARG A_14_120=default_14_120
LABEL org.example.l14_121="label 14_121"
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s14_122
COPY src/file_14_123.txt /app/dir_4/
ARG A_14_124=default_14_124
ENV VAR_14_125=value_14_125 OTHER_14_125=${A_3_18}
RUN echo step 14_126 && mkdir -p /tmp/d14_126 && touch /tmp/d14_126/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s14_127
ENV VAR_14_128=value_14_128 OTHER_14_128=${A_12_180}
WORKDIR /work/w12
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s14_130
ARG A_14_131=default_14_131
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s14_132
RUN echo step 14_133 && mkdir -p /tmp/d14_133 && touch /tmp/d14_133/f
ENV VAR_14_134=value_14_134 OTHER_14_134=${A_7_127}
WORKDIR /work/w5
COPY src/file_14_136.txt /app/dir_0/
RUN echo step 14_137 && mkdir -p /tmp/d14_137 && touch /tmp/d14_137/f
EXPOSE 8138/tcp
ENV VAR_14_139=value_14_139 OTHER_14_139=${A_7_113}
LABEL org.example.l14_140="label 14_140"
LABEL org.example.l14_141="label 14_141"
RUN echo step 14_142 && mkdir -p /tmp/d14_142 && touch /tmp/d14_142/f
COPY src/file_14_143.txt /app/dir_7/
ARG A_14_144=default_14_144
RUN echo step 14_145 && mkdir -p /tmp/d14_145 && touch /tmp/d14_145/f
COPY src/file_14_146.txt /app/dir_10/
COPY src/file_14_147.txt /app/dir_11/
COPY --from=s13 /tmp /from-14_148/
RUN echo step 14_149 && mkdir -p /tmp/d14_149 && touch /tmp/d14_149/f
LABEL org.example.l14_150="label 14_150"
RUN echo step 14_151 && mkdir -p /tmp/d14_151 && touch /tmp/d14_151/f
ENV VAR_14_152=value_14_152 OTHER_14_152=${VERSION}
WORKDIR /work/w10
EXPOSE 8154/tcp
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s14_155
ENV VAR_14_156=value_14_156 OTHER_14_156=${A_5_20}
WORKDIR /work/w1
RUN echo step 14_158 && mkdir -p /tmp/d14_158 && touch /tmp/d14_158/f
WORKDIR /work/w3
WORKDIR /work/w4
ENV VAR_14_161=value_14_161 OTHER_14_161=${A_12_180}
LABEL org.example.l14_162="label 14_162"
ENV VAR_14_163=value_14_163 OTHER_14_163=${A_8_136}
RUN echo step 14_164 && mkdir -p /tmp/d14_164 && touch /tmp/d14_164/f
COPY src/file_14_165.txt /app/dir_12/
ENV VAR_14_166=value_14_166 OTHER_14_166=${A_2_137}
RUN echo step 14_167 && mkdir -p /tmp/d14_167 && touch /tmp/d14_167/f
RUN echo step 14_168 && mkdir -p /tmp/d14_168 && touch /tmp/d14_168/f
ENV VAR_14_169=value_14_169 OTHER_14_169=${A_7_180}
RUN echo step 14_170 && mkdir -p /tmp/d14_170 && touch /tmp/d14_170/f
RUN echo step 14_171 && mkdir -p /tmp/d14_171 && touch /tmp/d14_171/f
COPY src/file_14_172.txt /app/dir_2/
RUN echo step 14_173 && mkdir -p /tmp/d14_173 && touch /tmp/d14_173/f
COPY src/file_14_174.txt /app/dir_4/
ENV VAR_14_175=value_14_175 OTHER_14_175=${A_11_50}
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s14_176
ARG A_14_177=default_14_177
ARG A_14_178=default_14_178
EXPOSE 8179/tcp
WORKDIR /work/w11
COPY src/file_14_181.txt /app/dir_11/
COPY --from=s13 /tmp /from-14_182/
RUN echo step 14_183 && mkdir -p /tmp/d14_183 && touch /tmp/d14_183/f
ENV VAR_14_184=value_14_184 OTHER_14_184=${A_1_81}
ENV VAR_14_185=value_14_185 OTHER_14_185=${A_3_178}
ENV VAR_14_186=value_14_186 OTHER_14_186=${A_7_129}
LABEL org.example.l14_187="label 14_187"
RUN echo step 14_188 && mkdir -p /tmp/d14_188 && touch /tmp/d14_188/f
WORKDIR /work/w7
LABEL org.example.l14_190="label 14_190"
RUN echo step 14_191 && mkdir -p /tmp/d14_191 && touch /tmp/d14_191/f
ENV VAR_14_192=value_14_192 OTHER_14_192=${A_4_13}
WORKDIR /work/w11
ARG A_14_194=default_14_194
RUN echo step 14_195 && mkdir -p /tmp/d14_195 && touch /tmp/d14_195/f
ARG A_14_196=default_14_196
ENV VAR_14_197=value_14_197 OTHER_14_197=${A_3_178}
COPY src/file_14_198.txt /app/dir_11/
RUN echo step 14_199 && mkdir -p /tmp/d14_199 && touch /tmp/d14_199/f
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s15
LABEL org.example.l15_0="label 15_0"
ENV VAR_15_1=value_15_1 OTHER_15_1=${A_1_126}
EXPOSE 8002/tcp
RUN echo step 15_3 && mkdir -p /tmp/d15_3 && touch /tmp/d15_3/f
COPY src/file_15_4.txt /app/dir_4/
RUN echo step 15_5 && mkdir -p /tmp/d15_5 && touch /tmp/d15_5/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s15_6
ARG A_15_7=default_15_7
COPY src/file_15_8.txt /app/dir_8/
ARG A_15_9=default_15_9
LABEL org.example.l15_10="label 15_10"
ENV VAR_15_11=value_15_11 OTHER_15_11=${A_5_163}
RUN echo step 15_12 && mkdir -p /tmp/d15_12 && touch /tmp/d15_12/f
ENV VAR_15_13=value_15_13 OTHER_15_13=${A_8_165}
COPY --from=s14 /tmp /from-15_14/
ENV VAR_15_15=value_15_15 OTHER_15_15=${A_9_13}
ARG A_15_16=default_15_16
LABEL org.example.l15_17="label 15_17"
COPY src/file_15_18.txt /app/dir_1/
RUN echo step 15_19 && mkdir -p /tmp/d15_19 && touch /tmp/d15_19/f
COPY src/file_15_20.txt /app/dir_3/
COPY src/file_15_21.txt /app/dir_4/
ENV VAR_15_22=value_15_22 OTHER_15_22=${A_5_36}
USER root
ENV VAR_15_24=value_15_24 OTHER_15_24=${A_9_156}
COPY src/file_15_25.txt /app/dir_8/
ARG A_15_26=default_15_26
LABEL org.example.l15_27="label 15_27"
ENV VAR_15_28=value_15_28 OTHER_15_28=${A_11_116}
RUN echo step 15_29 && mkdir -p /tmp/d15_29 && touch /tmp/d15_29/f
EXPOSE 8030/tcp
ENV VAR_15_31=value_15_31 OTHER_15_31=${A_14_124}
EXPOSE 8032/tcp
COPY src/file_15_33.txt /app/dir_16/
ENV VAR_15_34=value_15_34 OTHER_15_34=${A_12_65}
LABEL org.example.l15_35="label 15_35"
COPY src/file_15_36.txt /app/dir_2/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s15_37
ARG A_15_38=default_15_38
WORKDIR /work/w0
ENV VAR_15_40=value_15_40 OTHER_15_40=${A_3_29}
EXPOSE 8041/tcp
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s15_42
COPY src/file_15_43.txt /app/dir_9/
ENV VAR_15_44=value_15_44 OTHER_15_44=${VERSION}
COPY src/file_15_45.txt /app/dir_11/
RUN echo step 15_46 && mkdir -p /tmp/d15_46 && touch /tmp/d15_46/f
RUN echo step 15_47 && mkdir -p /tmp/d15_47 && touch /tmp/d15_47/f
COPY src/file_15_48.txt /app/dir_14/
COPY --from=s14 /tmp /from-15_49/
COPY src/file_15_50.txt /app/dir_16/
RUN echo step 15_51 && mkdir -p /tmp/d15_51 && touch /tmp/d15_51/f
ARG A_15_52=default_15_52
RUN echo step 15_53 && mkdir -p /tmp/d15_53 && touch /tmp/d15_53/f
COPY src/file_15_54.txt /app/dir_3/
COPY src/file_15_55.txt /app/dir_4/
ENV VAR_15_56=value_15_56 OTHER_15_56=${A_11_25}
USER root
RUN echo step 15_58 && mkdir -p /tmp/d15_58 && touch /tmp/d15_58/f
COPY src/file_15_59.txt /app/dir_8/
RUN echo step 15_60 && mkdir -p /tmp/d15_60 && touch /tmp/d15_60/f
COPY src/file_15_61.txt /app/dir_10/
RUN echo step 15_62 && mkdir -p /tmp/d15_62 && touch /tmp/d15_62/f
LABEL org.example.l15_63="label 15_63"
COPY src/file_15_64.txt /app/dir_13/
LABEL org.example.l15_65="label 15_65"
ENV VAR_15_66=value_15_66 OTHER_15_66=${A_6_174}
COPY src/file_15_67.txt /app/dir_16/
COPY src/file_15_68.txt /app/dir_0/
RUN echo step 15_69 && mkdir -p /tmp/d15_69 && touch /tmp/d15_69/f
RUN echo step 15_70 && mkdir -p /tmp/d15_70 && touch /tmp/d15_70/f
COPY src/file_15_71.txt /app/dir_3/
COPY src/file_15_72.txt /app/dir_4/
COPY --from=s14 /tmp /from-15_73/
LABEL org.example.l15_74="label 15_74"
USER root
RUN echo step 15_76 && mkdir -p /tmp/d15_76 && touch /tmp/d15_76/f
EXPOSE 8077/tcp
ENV VAR_15_78=value_15_78 OTHER_15_78=${A_15_7}
COPY src/file_15_79.txt /app/dir_11/
COPY src/file_15_80.txt /app/dir_12/
COPY src/file_15_81.txt /app/dir_13/
COPY src/file_15_82.txt /app/dir_14/
LABEL org.example.l15_83="label 15_83"
RUN echo step 15_84 && mkdir -p /tmp/d15_84 && touch /tmp/d15_84/f
RUN echo step 15_85 && mkdir -p /tmp/d15_85 && touch /tmp/d15_85/f
COPY --from=s14 /tmp /from-15_86/
RUN echo step 15_87 && mkdir -p /tmp/d15_87 && touch /tmp/d15_87/f
EXPOSE 8088/tcp
COPY --from=s14 /tmp /from-15_89/
ENV VAR_15_90=value_15_90 OTHER_15_90=${A_10_88}
COPY src/file_15_91.txt /app/dir_6/
COPY src/file_15_92.txt /app/dir_7/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s15_93
EXPOSE 8094/tcp
COPY src/file_15_95.txt /app/dir_10/
RUN echo step 15_96 && mkdir -p /tmp/d15_96 && touch /tmp/d15_96/f
ENV VAR_15_97=value_15_97 OTHER_15_97=${A_10_70}
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s15_98
COPY src/file_15_99.txt /app/dir_14/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s15_100
COPY --from=s14 /tmp /from-15_101/
RUN echo step 15_102 && mkdir -p /tmp/d15_102 && touch /tmp/d15_102/f
LABEL org.example.l15_103="label 15_103"
LABEL org.example.l15_104="label 15_104"
RUN echo step 15_105 && mkdir -p /tmp/d15_105 && touch /tmp/d15_105/f
EXPOSE 8106/tcp
COPY --from=s14 /tmp /from-15_107/
RUN echo step 15_108 && mkdir -p /tmp/d15_108 && touch /tmp/d15_108/f
RUN echo step 15_109 && mkdir -p /tmp/d15_109 && touch /tmp/d15_109/f
LABEL org.example.l15_110="label 15_110"
ENV VAR_15_111=value_15_111 OTHER_15_111=${A_8_74}
ARG A_15_112=default_15_112
WORKDIR /work/w9
COPY src/file_15_114.txt /app/dir_12/
RUN echo step 15_115 && mkdir -p /tmp/d15_115 && touch /tmp/d15_115/f
LABEL org.example.l15_116="label 15_116"
ENV VAR_15_117=value_15_117 OTHER_15_117=${A_4_27}
ARG A_15_118=default_15_118
COPY --from=s14 /tmp /from-15_119/
RUN echo step 15_120 && mkdir -p /tmp/d15_120 && touch /tmp/d15_120/f
RUN echo step 15_121 && mkdir -p /tmp/d15_121 && touch /tmp/d15_121/f
LABEL org.example.l15_122="label 15_122"
ARG A_15_123=default_15_123
RUN echo step 15_124 && mkdir -p /tmp/d15_124 && touch /tmp/d15_124/f
WORKDIR /work/w8
COPY --from=s14 /tmp /from-15_126/
WORKDIR /work/w10
WORKDIR /work/w11
ARG A_15_129=default_15_129
ARG A_15_130=default_15_130
WORKDIR /work/w1
COPY src/file_15_132.txt /app/dir_13/
COPY --from=s14 /tmp /from-15_133/
USER root
LABEL org.example.l15_135="label 15_135"
WORKDIR /work/w6
COPY --from=s14 /tmp /from-15_137/
COPY src/file_15_138.txt /app/dir_2/
RUN echo step 15_139 && mkdir -p /tmp/d15_139 && touch /tmp/d15_139/f
COPY src/file_15_140.txt /app/dir_4/
USER root
RUN echo step 15_142 && mkdir -p /tmp/d15_142 && touch /tmp/d15_142/f
ENV VAR_15_143=value_15_143 OTHER_15_143=${A_5_66}
ENV VAR_15_144=value_15_144 OTHER_15_144=${A_7_127}
RUN echo step 15_145 && mkdir -p /tmp/d15_145 && touch /tmp/d15_145/f
COPY src/file_15_146.txt /app/dir_10/
LABEL org.example.l15_147="label 15_147"
WORKDIR /work/w5
ENV VAR_15_149=value_15_149 OTHER_15_149=${A_11_93}
ENV VAR_15_150=value_15_150 OTHER_15_150=${A_7_150}
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s15_151
ENV VAR_15_152=value_15_152 OTHER_15_152=${A_10_88}
RUN echo step 15_153 && mkdir -p /tmp/d15_153 && touch /tmp/d15_153/f
EXPOSE 8154/tcp
WORKDIR /work/w12
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s15_156
RUN echo step 15_157 && mkdir -p /tmp/d15_157 && touch /tmp/d15_157/f
WORKDIR /work/w2
RUN echo step 15_159 && mkdir -p /tmp/d15_159 && touch /tmp/d15_159/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s15_160
COPY --from=s14 /tmp /from-15_161/
RUN echo step 15_162 && mkdir -p /tmp/d15_162 && touch /tmp/d15_162/f
WORKDIR /work/w7
USER root
ENV VAR_15_165=value_15_165 OTHER_15_165=${A_3_145}
RUN echo step 15_166 && mkdir -p /tmp/d15_166 && touch /tmp/d15_166/f
RUN echo step 15_167 && mkdir -p /tmp/d15_167 && touch /tmp/d15_167/f
COPY src/file_15_168.txt /app/dir_15/
COPY --from=s14 /tmp /from-15_169/
COPY src/file_15_170.txt /app/dir_0/
COPY src/file_15_171.txt /app/dir_1/
ENV VAR_15_172=value_15_172 OTHER_15_172=${A_10_59}
RUN echo step 15_173 && mkdir -p /tmp/d15_173 && touch /tmp/d15_173/f
ENV VAR_15_174=value_15_174 OTHER_15_174=${A_8_68}
ENV VAR_15_175=value_15_175 OTHER_15_175=${A_1_77}
USER root
ARG A_15_177=default_15_177
RUN echo step 15_178 && mkdir -p /tmp/d15_178 && touch /tmp/d15_178/f
USER root
RUN echo step 15_180 && mkdir -p /tmp/d15_180 && touch /tmp/d15_180/f
LABEL org.example.l15_181="label 15_181"
COPY src/file_15_182.txt /app/dir_12/
ENV VAR_15_183=value_15_183 OTHER_15_183=${A_12_146}
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s15_184
COPY src/file_15_185.txt /app/dir_15/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s15_186
WORKDIR /work/w5
USER root
COPY src/file_15_189.txt /app/dir_2/
COPY src/file_15_190.txt /app/dir_3/
LABEL org.example.l15_191="label 15_191"
ARG A_15_192=default_15_192
RUN echo step 15_193 && mkdir -p /tmp/d15_193 && touch /tmp/d15_193/f
COPY src/file_15_194.txt /app/dir_7/
COPY src/file_15_195.txt /app/dir_8/
WORKDIR /work/w1
ENV VAR_15_197=value_15_197 OTHER_15_197=${A_1_150}
ARG A_15_198=default_15_198
COPY src/file_15_199.txt /app/dir_12/
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s16
ARG A_16_0=default_16_0
WORKDIR /work/w1
ENV VAR_16_2=value_16_2 OTHER_16_2=${A_9_104}
USER root
COPY src/file_16_4.txt /app/dir_4/
WORKDIR /work/w5
COPY src/file_16_6.txt /app/dir_6/
LABEL org.example.l16_7="label 16_7"
COPY --from=s15 /tmp /from-16_8/
RUN echo step 16_9 && mkdir -p /tmp/d16_9 && touch /tmp/d16_9/f
RUN echo step 16_10 && mkdir -p /tmp/d16_10 && touch /tmp/d16_10/f
EXPOSE 8011/tcp
RUN echo step 16_12 && mkdir -p /tmp/d16_12 && touch /tmp/d16_12/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s16_13
WORKDIR /work/w1
WORKDIR /work/w2
COPY src/file_16_16.txt /app/dir_16/
RUN echo step 16_17 && mkdir -p /tmp/d16_17 && touch /tmp/d16_17/f
ENV VAR_16_18=value_16_18 OTHER_16_18=${A_14_34}
RUN echo step 16_19 && mkdir -p /tmp/d16_19 && touch /tmp/d16_19/f
RUN echo step 16_20 && mkdir -p /tmp/d16_20 && touch /tmp/d16_20/f
ARG A_16_21=default_16_21
COPY --from=s15 /tmp /from-16_22/
ENV VAR_16_23=value_16_23 OTHER_16_23=${A_8_113}
COPY src/file_16_24.txt /app/dir_7/
RUN echo step 16_25 && mkdir -p /tmp/d16_25 && touch /tmp/d16_25/f
RUN echo step 16_26 && mkdir -p /tmp/d16_26 && touch /tmp/d16_26/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s16_27
COPY src/file_16_28.txt /app/dir_11/
LABEL org.example.l16_29="label 16_29"
WORKDIR /work/w4
COPY --from=s15 /tmp /from-16_31/
RUN echo step 16_32 && mkdir -p /tmp/d16_32 && touch /tmp/d16_32/f
LABEL org.example.l16_33="label 16_33"
RUN echo step 16_34 && mkdir -p /tmp/d16_34 && touch /tmp/d16_34/f
LABEL org.example.l16_35="label 16_35"
COPY src/file_16_36.txt /app/dir_2/
ENV VAR_16_37=value_16_37 OTHER_16_37=${A_9_129}
WORKDIR /work/w12
EXPOSE 8039/tcp
LABEL org.example.l16_40="label 16_40"
LABEL org.example.l16_41="label 16_41"
ENV VAR_16_42=value_16_42 OTHER_16_42=${A_3_28}
COPY src/file_16_43.txt /app/dir_9/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s16_44
RUN echo step 16_45 && mkdir -p /tmp/d16_45 && touch /tmp/d16_45/f
COPY src/file_16_46.txt /app/dir_12/
ENV VAR_16_47=value_16_47 OTHER_16_47=${A_9_143}
ARG A_16_48=default_16_48
ARG A_16_49=default_16_49
COPY src/file_16_50.txt /app/dir_16/
COPY src/file_16_51.txt /app/dir_0/
ENV VAR_16_52=value_16_52 OTHER_16_52=${A_12_118}
RUN echo step 16_53 && mkdir -p /tmp/d16_53 && touch /tmp/d16_53/f
EXPOSE 8054/tcp
COPY src/file_16_55.txt /app/dir_4/
WORKDIR /work/w4
RUN echo step 16_57 && mkdir -p /tmp/d16_57 && touch /tmp/d16_57/f
COPY src/file_16_58.txt /app/dir_7/
WORKDIR /work/w7
ARG A_16_60=default_16_60
COPY --from=s15 /tmp /from-16_61/
RUN echo step 16_62 && mkdir -p /tmp/d16_62 && touch /tmp/d16_62/f
RUN echo step 16_63 && mkdir -p /tmp/d16_63 && touch /tmp/d16_63/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s16_64
COPY --from=s15 /tmp /from-16_65/
ENV VAR_16_66=value_16_66 OTHER_16_66=${A_10_126}
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s16_67
EXPOSE 8068/tcp
ENV VAR_16_69=value_16_69 OTHER_16_69=${A_0_1}
COPY src/file_16_70.txt /app/dir_2/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s16_71
RUN echo step 16_72 && mkdir -p /tmp/d16_72 && touch /tmp/d16_72/f
RUN echo step 16_73 && mkdir -p /tmp/d16_73 && touch /tmp/d16_73/f
RUN echo step 16_74 && mkdir -p /tmp/d16_74 && touch /tmp/d16_74/f
LABEL org.example.l16_75="label 16_75"
COPY src/file_16_76.txt /app/dir_8/
COPY src/file_16_77.txt /app/dir_9/
COPY src/file_16_78.txt /app/dir_10/
ARG A_16_79=default_16_79
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s16_80
COPY src/file_16_81.txt /app/dir_13/
RUN echo step 16_82 && mkdir -p /tmp/d16_82 && touch /tmp/d16_82/f
COPY --from=s15 /tmp /from-16_83/
COPY --from=s15 /tmp /from-16_84/
COPY src/file_16_85.txt /app/dir_0/
COPY src/file_16_86.txt /app/dir_1/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s16_87
COPY --from=s15 /tmp /from-16_88/
ENV VAR_16_89=value_16_89 OTHER_16_89=${A_11_158}
RUN echo step 16_90 && mkdir -p /tmp/d16_90 && touch /tmp/d16_90/f
LABEL org.example.l16_91="label 16_91"
ENV VAR_16_92=value_16_92 OTHER_16_92=${A_15_198}
LABEL org.example.l16_93="label 16_93"
ARG A_16_94=default_16_94
ARG A_16_95=default_16_95
ENV VAR_16_96=value_16_96 OTHER_16_96=${A_2_132}
WORKDIR /work/w6
COPY src/file_16_98.txt /app/dir_13/
ENV VAR_16_99=value_16_99 OTHER_16_99=${A_10_59}
ARG A_16_100=default_16_100
RUN echo step 16_101 && mkdir -p /tmp/d16_101 && touch /tmp/d16_101/f
COPY src/file_16_102.txt /app/dir_0/
RUN echo step 16_103 && mkdir -p /tmp/d16_103 && touch /tmp/d16_103/f
RUN echo step 16_104 && mkdir -p /tmp/d16_104 && touch /tmp/d16_104/f
USER root
RUN echo step 16_106 && mkdir -p /tmp/d16_106 && touch /tmp/d16_106/f
RUN echo step 16_107 && mkdir -p /tmp/d16_107 && touch /tmp/d16_107/f
ENV VAR_16_108=value_16_108 OTHER_16_108=${A_14_120}
ENV VAR_16_109=value_16_109 OTHER_16_109=${A_6_102}
LABEL org.example.l16_110="label 16_110"
EXPOSE 8111/tcp
USER root
RUN echo step 16_113 && mkdir -p /tmp/d16_113 && touch /tmp/d16_113/f
LABEL org.example.l16_114="label 16_114"
RUN echo step 16_115 && mkdir -p /tmp/d16_115 && touch /tmp/d16_115/f
COPY src/file_16_116.txt /app/dir_14/
LABEL org.example.l16_117="label 16_117"
USER root
RUN echo step 16_119 && mkdir -p /tmp/d16_119 && touch /tmp/d16_119/f
COPY src/file_16_120.txt /app/dir_1/
ARG A_16_121=default_16_121
ARG A_16_122=default_16_122
COPY src/file_16_123.txt /app/dir_4/
LABEL org.example.l16_124="label 16_124"
WORKDIR /work/w8
EXPOSE 8126/tcp
LABEL org.example.l16_127="label 16_127"
ENV VAR_16_128=value_16_128 OTHER_16_128=${A_3_119}
RUN echo step 16_129 && mkdir -p /tmp/d16_129 && touch /tmp/d16_129/f
RUN echo step 16_130 && mkdir -p /tmp/d16_130 && touch /tmp/d16_130/f
RUN echo step 16_131 && mkdir -p /tmp/d16_131 && touch /tmp/d16_131/f
ARG A_16_132=default_16_132
COPY src/file_16_133.txt /app/dir_14/
USER root
COPY src/file_16_135.txt /app/dir_16/
USER root
WORKDIR /work/w7
USER root
ENV VAR_16_139=value_16_139 OTHER_16_139=${A_14_178}
RUN echo step 16_140 && mkdir -p /tmp/d16_140 && touch /tmp/d16_140/f
RUN echo step 16_141 && mkdir -p /tmp/d16_141 && touch /tmp/d16_141/f
USER root
COPY --from=s15 /tmp /from-16_143/
RUN echo step 16_144 && mkdir -p /tmp/d16_144 && touch /tmp/d16_144/f
ARG A_16_145=default_16_145
RUN echo step 16_146 && mkdir -p /tmp/d16_146 && touch /tmp/d16_146/f
ENV VAR_16_147=value_16_147 OTHER_16_147=${A_5_18}
LABEL org.example.l16_148="label 16_148"
ARG A_16_149=default_16_149
COPY src/file_16_150.txt /app/dir_14/
RUN echo step 16_151 && mkdir -p /tmp/d16_151 && touch /tmp/d16_151/f
RUN echo step 16_152 && mkdir -p /tmp/d16_152 && touch /tmp/d16_152/f
ARG A_16_153=default_16_153
COPY src/file_16_154.txt /app/dir_1/
ARG A_16_155=default_16_155
LABEL org.example.l16_156="label 16_156"
RUN echo step 16_157 && mkdir -p /tmp/d16_157 && touch /tmp/d16_157/f
COPY src/file_16_158.txt /app/dir_5/
USER root
COPY src/file_16_160.txt /app/dir_7/
EXPOSE 8161/tcp
COPY --from=s15 /tmp /from-16_162/
COPY src/file_16_163.txt /app/dir_10/
COPY src/file_16_164.txt /app/dir_11/
ENV VAR_16_165=value_16_165 OTHER_16_165=${A_6_22}
RUN echo step 16_166 && mkdir -p /tmp/d16_166 && touch /tmp/d16_166/f
COPY src/file_16_167.txt /app/dir_14/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s16_168
COPY src/file_16_169.txt /app/dir_16/
RUN echo step 16_170 && mkdir -p /tmp/d16_170 && touch /tmp/d16_170/f
RUN echo step 16_171 && mkdir -p /tmp/d16_171 && touch /tmp/d16_171/f
RUN echo step 16_172 && mkdir -p /tmp/d16_172 && touch /tmp/d16_172/f
RUN echo step 16_173 && mkdir -p /tmp/d16_173 && touch /tmp/d16_173/f
WORKDIR /work/w5
WORKDIR /work/w6
ENV VAR_16_176=value_16_176 OTHER_16_176=${A_5_66}
COPY src/file_16_177.txt /app/dir_7/
RUN echo step 16_178 && mkdir -p /tmp/d16_178 && touch /tmp/d16_178/f
ENV VAR_16_179=value_16_179 OTHER_16_179=${A_14_59}
COPY src/file_16_180.txt /app/dir_10/
WORKDIR /work/w12
COPY src/file_16_182.txt /app/dir_12/
WORKDIR /work/w1
COPY --from=s15 /tmp /from-16_184/
RUN echo step 16_185 && mkdir -p /tmp/d16_185 && touch /tmp/d16_185/f
ENV VAR_16_186=value_16_186 OTHER_16_186=${A_10_114}
COPY src/file_16_187.txt /app/dir_0/
RUN echo step 16_188 && mkdir -p /tmp/d16_188 && touch /tmp/d16_188/f
COPY src/file_16_189.txt /app/dir_2/
ENV VAR_16_190=value_16_190 OTHER_16_190=${A_3_102}
RUN echo step 16_191 && mkdir -p /tmp/d16_191 && touch /tmp/d16_191/f
LABEL org.example.l16_192="label 16_192"
WORKDIR /work/w11
WORKDIR /work/w12
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s16_195
EXPOSE 8196/tcp
ARG A_16_197=default_16_197
LABEL org.example.l16_198="label 16_198"
COPY src/file_16_199.txt /app/dir_12/
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s17
RUN echo step 17_0 && mkdir -p /tmp/d17_0 && touch /tmp/d17_0/f
COPY src/file_17_1.txt /app/dir_1/
COPY src/file_17_2.txt /app/dir_2/
ARG A_17_3=default_17_3
COPY --from=s16 /tmp /from-17_4/
RUN echo step 17_5 && mkdir -p /tmp/d17_5 && touch /tmp/d17_5/f
ENV VAR_17_6=value_17_6 OTHER_17_6=${A_3_114}
ARG A_17_7=default_17_7
RUN echo step 17_8 && mkdir -p /tmp/d17_8 && touch /tmp/d17_8/f
WORKDIR /work/w9
ENV VAR_17_10=value_17_10 OTHER_17_10=${A_2_171}
RUN echo step 17_11 && mkdir -p /tmp/d17_11 && touch /tmp/d17_11/f
ENV VAR_17_12=value_17_12 OTHER_17_12=${A_16_145}
COPY --from=s16 /tmp /from-17_13/
COPY src/file_17_14.txt /app/dir_14/
WORKDIR /work/w2
RUN echo step 17_16 && mkdir -p /tmp/d17_16 && touch /tmp/d17_16/f
RUN echo step 17_17 && mkdir -p /tmp/d17_17 && touch /tmp/d17_17/f
COPY src/file_17_18.txt /app/dir_1/
COPY --from=s16 /tmp /from-17_19/
ENV VAR_17_20=value_17_20 OTHER_17_20=${A_6_15}
COPY --from=s16 /tmp /from-17_21/
WORKDIR /work/w9
ENV VAR_17_23=value_17_23 OTHER_17_23=${A_4_6}
EXPOSE 8024/tcp
RUN echo step 17_25 && mkdir -p /tmp/d17_25 && touch /tmp/d17_25/f
RUN echo step 17_26 && mkdir -p /tmp/d17_26 && touch /tmp/d17_26/f
EXPOSE 8027/tcp
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s17_28
COPY --from=s16 /tmp /from-17_29/
COPY src/file_17_30.txt /app/dir_13/
RUN echo step 17_31 && mkdir -p /tmp/d17_31 && touch /tmp/d17_31/f
COPY src/file_17_32.txt /app/dir_15/
COPY src/file_17_33.txt /app/dir_16/
ARG A_17_34=default_17_34
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s17_35
COPY src/file_17_36.txt /app/dir_2/
USER root
COPY src/file_17_38.txt /app/dir_4/
RUN echo step 17_39 && mkdir -p /tmp/d17_39 && touch /tmp/d17_39/f
COPY --from=s16 /tmp /from-17_40/
RUN echo step 17_41 && mkdir -p /tmp/d17_41 && touch /tmp/d17_41/f
ENV VAR_17_42=value_17_42 OTHER_17_42=${A_15_118}
RUN echo step 17_43 && mkdir -p /tmp/d17_43 && touch /tmp/d17_43/f
ENV VAR_17_44=value_17_44 OTHER_17_44=${A_7_62}
COPY src/file_17_45.txt /app/dir_11/
COPY --from=s16 /tmp /from-17_46/
ENV VAR_17_47=value_17_47 OTHER_17_47=${A_6_102}
RUN echo step 17_48 && mkdir -p /tmp/d17_48 && touch /tmp/d17_48/f
COPY src/file_17_49.txt /app/dir_15/
ENV VAR_17_50=value_17_50 OTHER_17_50=${A_3_23}
COPY --from=s16 /tmp /from-17_51/
ARG A_17_52=default_17_52
ENV VAR_17_53=value_17_53 OTHER_17_53=${A_14_115}
ENV VAR_17_54=value_17_54 OTHER_17_54=${A_7_90}
EXPOSE 8055/tcp
EXPOSE 8056/tcp
COPY src/file_17_57.txt /app/dir_6/
ENV VAR_17_58=value_17_58 OTHER_17_58=${A_12_170}
LABEL org.example.l17_59="label 17_59"
ARG A_17_60=default_17_60
ENV VAR_17_61=value_17_61 OTHER_17_61=${A_3_58}
COPY src/file_17_62.txt /app/dir_11/
COPY --from=s16 /tmp /from-17_63/
ENV VAR_17_64=value_17_64 OTHER_17_64=${A_4_85}
COPY src/file_17_65.txt /app/dir_14/
ARG A_17_66=default_17_66
RUN echo step 17_67 && mkdir -p /tmp/d17_67 && touch /tmp/d17_67/f
ENV VAR_17_68=value_17_68 OTHER_17_68=${A_11_133}
COPY --from=s16 /tmp /from-17_69/
ENV VAR_17_70=value_17_70 OTHER_17_70=${A_0_167}
RUN echo step 17_71 && mkdir -p /tmp/d17_71 && touch /tmp/d17_71/f
COPY src/file_17_72.txt /app/dir_4/
RUN echo step 17_73 && mkdir -p /tmp/d17_73 && touch /tmp/d17_73/f
RUN echo step 17_74 && mkdir -p /tmp/d17_74 && touch /tmp/d17_74/f
RUN echo step 17_75 && mkdir -p /tmp/d17_75 && touch /tmp/d17_75/f
COPY src/file_17_76.txt /app/dir_8/
ENV VAR_17_77=value_17_77 OTHER_17_77=${A_1_126}
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s17_78
RUN echo step 17_79 && mkdir -p /tmp/d17_79 && touch /tmp/d17_79/f
RUN echo step 17_80 && mkdir -p /tmp/d17_80 && touch /tmp/d17_80/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s17_81
RUN echo step 17_82 && mkdir -p /tmp/d17_82 && touch /tmp/d17_82/f
ARG A_17_83=default_17_83
ARG A_17_84=default_17_84
RUN echo step 17_85 && mkdir -p /tmp/d17_85 && touch /tmp/d17_85/f
COPY src/file_17_86.txt /app/dir_1/
ARG A_17_87=default_17_87
COPY src/file_17_88.txt /app/dir_3/
COPY src/file_17_89.txt /app/dir_4/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s17_90
USER root
RUN echo step 17_92 && mkdir -p /tmp/d17_92 && touch /tmp/d17_92/f
ENV VAR_17_93=value_17_93 OTHER_17_93=${A_16_79}
WORKDIR /work/w3
ENV VAR_17_95=value_17_95 OTHER_17_95=${A_7_62}
COPY src/file_17_96.txt /app/dir_11/
COPY src/file_17_97.txt /app/dir_12/
ENV VAR_17_98=value_17_98 OTHER_17_98=${A_11_61}
LABEL org.example.l17_99="label 17_99"
LABEL org.example.l17_100="label 17_100"
LABEL org.example.l17_101="label 17_101"
RUN echo step 17_102 && mkdir -p /tmp/d17_102 && touch /tmp/d17_102/f
RUN echo step 17_103 && mkdir -p /tmp/d17_103 && touch /tmp/d17_103/f
WORKDIR /work/w0
ARG A_17_105=default_17_105
ENV VAR_17_106=value_17_106 OTHER_17_106=${A_1_71}
ENV VAR_17_107=value_17_107 OTHER_17_107=${A_6_49}
RUN echo step 17_108 && mkdir -p /tmp/d17_108 && touch /tmp/d17_108/f
RUN echo step 17_109 && mkdir -p /tmp/d17_109 && touch /tmp/d17_109/f
RUN echo step 17_110 && mkdir -p /tmp/d17_110 && touch /tmp/d17_110/f
RUN echo step 17_111 && mkdir -p /tmp/d17_111 && touch /tmp/d17_111/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s17_112
COPY --from=s16 /tmp /from-17_113/
COPY src/file_17_114.txt /app/dir_12/
COPY src/file_17_115.txt /app/dir_13/
COPY --from=s16 /tmp /from-17_116/
COPY src/file_17_117.txt /app/dir_15/
COPY src/file_17_118.txt /app/dir_16/
ENV VAR_17_119=value_17_119 OTHER_17_119=${A_4_27}
COPY src/file_17_120.txt /app/dir_1/
RUN echo step 17_121 && mkdir -p /tmp/d17_121 && touch /tmp/d17_121/f
COPY --from=s16 /tmp /from-17_122/
ARG A_17_123=default_17_123
EXPOSE 8124/tcp
RUN echo step 17_125 && mkdir -p /tmp/d17_125 && touch /tmp/d17_125/f
COPY src/file_17_126.txt /app/dir_7/
LABEL org.example.l17_127="label 17_127"
LABEL org.example.l17_128="label 17_128"
WORKDIR /work/w12
WORKDIR /work/w0
ENV VAR_17_131=value_17_131 OTHER_17_131=${A_13_125}
ARG A_17_132=default_17_132
EXPOSE 8133/tcp
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s17_134
RUN echo step 17_135 && mkdir -p /tmp/d17_135 && touch /tmp/d17_135/f
RUN echo step 17_136 && mkdir -p /tmp/d17_136 && touch /tmp/d17_136/f
COPY src/file_17_137.txt /app/dir_1/
COPY src/file_17_138.txt /app/dir_2/
WORKDIR /work/w9
COPY src/file_17_140.txt /app/dir_4/
ENV VAR_17_141=value_17_141 OTHER_17_141=${A_16_153}
ENV VAR_17_142=value_17_142 OTHER_17_142=${A_6_148}
RUN echo step 17_143 && mkdir -p /tmp/d17_143 && touch /tmp/d17_143/f
WORKDIR /work/w1
COPY src/file_17_145.txt /app/dir_9/
ENV VAR_17_146=value_17_146 OTHER_17_146=${A_7_62}
COPY --from=s16 /tmp /from-17_147/
COPY src/file_17_148.txt /app/dir_12/
RUN echo step 17_149 && mkdir -p /tmp/d17_149 && touch /tmp/d17_149/f
ENV VAR_17_150=value_17_150 OTHER_17_150=${A_9_191}
RUN echo step 17_151 && mkdir -p /tmp/d17_151 && touch /tmp/d17_151/f
WORKDIR /work/w9
ENV VAR_17_153=value_17_153 OTHER_17_153=${A_3_189}
USER root
ARG A_17_155=default_17_155
RUN echo step 17_156 && mkdir -p /tmp/d17_156 && touch /tmp/d17_156/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s17_157
RUN echo step 17_158 && mkdir -p /tmp/d17_158 && touch /tmp/d17_158/f
EXPOSE 8159/tcp
RUN echo step 17_160 && mkdir -p /tmp/d17_160 && touch /tmp/d17_160/f
COPY --from=s16 /tmp /from-17_161/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s17_162
USER root
ENV VAR_17_164=value_17_164 OTHER_17_164=${A_6_43}
ARG A_17_165=default_17_165
COPY src/file_17_166.txt /app/dir_13/
COPY --from=s16 /tmp /from-17_167/
COPY src/file_17_168.txt /app/dir_15/
RUN echo step 17_169 && mkdir -p /tmp/d17_169 && touch /tmp/d17_169/f
ENV VAR_17_170=value_17_170 OTHER_17_170=${A_5_84}
RUN echo step 17_171 && mkdir -p /tmp/d17_171 && touch /tmp/d17_171/f
RUN echo step 17_172 && mkdir -p /tmp/d17_172 && touch /tmp/d17_172/f
ARG A_17_173=default_17_173
EXPOSE 8174/tcp
LABEL org.example.l17_175="label 17_175"
RUN echo step 17_176 && mkdir -p /tmp/d17_176 && touch /tmp/d17_176/f
WORKDIR /work/w8
USER root
ENV VAR_17_179=value_17_179 OTHER_17_179=${A_6_40}
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s17_180
RUN echo step 17_181 && mkdir -p /tmp/d17_181 && touch /tmp/d17_181/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s17_182
COPY src/file_17_183.txt /app/dir_13/
ENV VAR_17_184=value_17_184 OTHER_17_184=${A_1_189}
RUN echo step 17_185 && mkdir -p /tmp/d17_185 && touch /tmp/d17_185/f
COPY src/file_17_186.txt /app/dir_16/
LABEL org.example.l17_187="label 17_187"
ENV VAR_17_188=value_17_188 OTHER_17_188=${A_1_179}
RUN echo step 17_189 && mkdir -p /tmp/d17_189 && touch /tmp/d17_189/f
ENV VAR_17_190=value_17_190 OTHER_17_190=${A_2_59}
ENV VAR_17_191=value_17_191 OTHER_17_191=${A_3_119}
COPY src/file_17_192.txt /app/dir_5/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s17_193
RUN echo step 17_194 && mkdir -p /tmp/d17_194 && touch /tmp/d17_194/f
COPY --from=s16 /tmp /from-17_195/
EXPOSE 8196/tcp
RUN echo step 17_197 && mkdir -p /tmp/d17_197 && touch /tmp/d17_197/f
COPY --from=s16 /tmp /from-17_198/
LABEL org.example.l17_199="label 17_199"
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s18
RUN echo step 18_0 && mkdir -p /tmp/d18_0 && touch /tmp/d18_0/f
COPY src/file_18_1.txt /app/dir_1/
ARG A_18_2=default_18_2
USER root
COPY --from=s17 /tmp /from-18_4/
COPY src/file_18_5.txt /app/dir_5/
RUN echo step 18_6 && mkdir -p /tmp/d18_6 && touch /tmp/d18_6/f
WORKDIR /work/w7
ARG A_18_8=default_18_8
WORKDIR /work/w9
COPY src/file_18_10.txt /app/dir_10/
ENV VAR_18_11=value_18_11 OTHER_18_11=${A_6_36}
COPY src/file_18_12.txt /app/dir_12/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s18_13
LABEL org.example.l18_14="label 18_14"
ENV VAR_18_15=value_18_15 OTHER_18_15=${A_5_156}
ENV VAR_18_16=value_18_16 OTHER_18_16=${A_2_191}
ARG A_18_17=default_18_17
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s18_18
RUN echo step 18_19 && mkdir -p /tmp/d18_19 && touch /tmp/d18_19/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s18_20
ARG A_18_21=default_18_21
ENV VAR_18_22=value_18_22 OTHER_18_22=${A_3_28}
COPY src/file_18_23.txt /app/dir_6/
ENV VAR_18_24=value_18_24 OTHER_18_24=${A_7_177}
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s18_25
RUN echo step 18_26 && mkdir -p /tmp/d18_26 && touch /tmp/d18_26/f
ARG A_18_27=default_18_27
ENV VAR_18_28=value_18_28 OTHER_18_28=${A_0_85}
LABEL org.example.l18_29="label 18_29"
EXPOSE 8030/tcp
EXPOSE 8031/tcp
WORKDIR /work/w6
RUN echo step 18_33 && mkdir -p /tmp/d18_33 && touch /tmp/d18_33/f
ARG A_18_34=default_18_34
WORKDIR /work/w9
COPY src/file_18_36.txt /app/dir_2/
WORKDIR /work/w11
ARG A_18_38=default_18_38
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s18_39
COPY --from=s17 /tmp /from-18_40/
COPY --from=s17 /tmp /from-18_41/
ARG A_18_42=default_18_42
COPY src/file_18_43.txt /app/dir_9/
EXPOSE 8044/tcp
ENV VAR_18_45=value_18_45 OTHER_18_45=${A_5_159}
COPY --from=s17 /tmp /from-18_46/
COPY src/file_18_47.txt /app/dir_13/
COPY src/file_18_48.txt /app/dir_14/
LABEL org.example.l18_49="label 18_49"
COPY --from=s17 /tmp /from-18_50/
LABEL org.example.l18_51="label 18_51"
ENV VAR_18_52=value_18_52 OTHER_18_52=${A_3_29}
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s18_53
COPY src/file_18_54.txt /app/dir_3/
LABEL org.example.l18_55="label 18_55"
ENV VAR_18_56=value_18_56 OTHER_18_56=${A_13_110}
RUN echo step 18_57 && mkdir -p /tmp/d18_57 && touch /tmp/d18_57/f
ENV VAR_18_58=value_18_58 OTHER_18_58=${A_17_83}
COPY src/file_18_59.txt /app/dir_8/
ENV VAR_18_60=value_18_60 OTHER_18_60=${A_3_145}
RUN echo step 18_61 && mkdir -p /tmp/d18_61 && touch /tmp/d18_61/f
EXPOSE 8062/tcp
COPY --from=s17 /tmp /from-18_63/
RUN echo step 18_64 && mkdir -p /tmp/d18_64 && touch /tmp/d18_64/f
ENV VAR_18_65=value_18_65 OTHER_18_65=${A_5_156}
ENV VAR_18_66=value_18_66 OTHER_18_66=${A_11_29}
RUN echo step 18_67 && mkdir -p /tmp/d18_67 && touch /tmp/d18_67/f
LABEL org.example.l18_68="label 18_68"
WORKDIR /work/w4
ENV VAR_18_70=value_18_70 OTHER_18_70=${A_15_198}
ARG A_18_71=default_18_71
COPY src/file_18_72.txt /app/dir_4/
RUN echo step 18_73 && mkdir -p /tmp/d18_73 && touch /tmp/d18_73/f
COPY --from=s17 /tmp /from-18_74/
USER root
COPY src/file_18_76.txt /app/dir_8/
ENV VAR_18_77=value_18_77 OTHER_18_77=${A_13_51}
RUN echo step 18_78 && mkdir -p /tmp/d18_78 && touch /tmp/d18_78/f
LABEL org.example.l18_79="label 18_79"
ARG A_18_80=default_18_80
COPY src/file_18_81.txt /app/dir_13/
ARG A_18_82=default_18_82
ENV VAR_18_83=value_18_83 OTHER_18_83=${A_8_34}
RUN echo step 18_84 && mkdir -p /tmp/d18_84 && touch /tmp/d18_84/f
EXPOSE 8085/tcp
COPY src/file_18_86.txt /app/dir_1/
ENV VAR_18_87=value_18_87 OTHER_18_87=${A_14_36}
RUN echo step 18_88 && mkdir -p /tmp/d18_88 && touch /tmp/d18_88/f
ENV VAR_18_89=value_18_89 OTHER_18_89=${A_8_136}
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s18_90
WORKDIR /work/w0
ENV VAR_18_92=value_18_92 OTHER_18_92=${A_14_177}
RUN echo step 18_93 && mkdir -p /tmp/d18_93 && touch /tmp/d18_93/f
ARG A_18_94=default_18_94
ENV VAR_18_95=value_18_95 OTHER_18_95=${A_16_48}
COPY --from=s17 /tmp /from-18_96/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s18_97
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s18_98
ENV VAR_18_99=value_18_99 OTHER_18_99=${A_6_174}
COPY src/file_18_100.txt /app/dir_15/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s18_101
ENV VAR_18_102=value_18_102 OTHER_18_102=${A_11_50}
ENV VAR_18_103=value_18_103 OTHER_18_103=${A_10_32}
COPY src/file_18_104.txt /app/dir_2/
COPY src/file_18_105.txt /app/dir_3/
WORKDIR /work/w2
COPY --from=s17 /tmp /from-18_107/
ARG A_18_108=default_18_108
ARG A_18_109=default_18_109
RUN echo step 18_110 && mkdir -p /tmp/d18_110 && touch /tmp/d18_110/f
COPY --from=s17 /tmp /from-18_111/
ENV VAR_18_112=value_18_112 OTHER_18_112=${A_6_85}
COPY src/file_18_113.txt /app/dir_11/
LABEL org.example.l18_114="label 18_114"
USER root
COPY src/file_18_116.txt /app/dir_14/
LABEL org.example.l18_117="label 18_117"
WORKDIR /work/w1
ARG A_18_119=default_18_119
ENV VAR_18_120=value_18_120 OTHER_18_120=${A_0_152}
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s18_121
ENV VAR_18_122=value_18_122 OTHER_18_122=${A_15_7}
LABEL org.example.l18_123="label 18_123"
RUN echo step 18_124 && mkdir -p /tmp/d18_124 && touch /tmp/d18_124/f
RUN echo step 18_125 && mkdir -p /tmp/d18_125 && touch /tmp/d18_125/f
EXPOSE 8126/tcp
RUN echo step 18_127 && mkdir -p /tmp/d18_127 && touch /tmp/d18_127/f
USER root
RUN echo step 18_129 && mkdir -p /tmp/d18_129 && touch /tmp/d18_129/f
ARG A_18_130=default_18_130
COPY src/file_18_131.txt /app/dir_12/
ARG A_18_132=default_18_132
USER root
RUN echo step 18_134 && mkdir -p /tmp/d18_134 && touch /tmp/d18_134/f
ARG A_18_135=default_18_135
USER root
WORKDIR /work/w7
RUN echo step 18_138 && mkdir -p /tmp/d18_138 && touch /tmp/d18_138/f
WORKDIR /work/w9
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s18_140
ENV VAR_18_141=value_18_141 OTHER_18_141=${A_11_90}
COPY src/file_18_142.txt /app/dir_6/
LABEL org.example.l18_143="label 18_143"
COPY src/file_18_144.txt /app/dir_8/
ARG A_18_145=default_18_145
COPY src/file_18_146.txt /app/dir_10/
RUN echo step 18_147 && mkdir -p /tmp/d18_147 && touch /tmp/d18_147/f
RUN echo step 18_148 && mkdir -p /tmp/d18_148 && touch /tmp/d18_148/f
RUN echo step 18_149 && mkdir -p /tmp/d18_149 && touch /tmp/d18_149/f
WORKDIR /work/w7
LABEL org.example.l18_151="label 18_151"
RUN echo step 18_152 && mkdir -p /tmp/d18_152 && touch /tmp/d18_152/f
LABEL org.example.l18_153="label 18_153"
RUN echo step 18_154 && mkdir -p /tmp/d18_154 && touch /tmp/d18_154/f
COPY --from=s17 /tmp /from-18_155/
USER root
ENV VAR_18_157=value_18_157 OTHER_18_157=${A_10_32}
COPY --from=s17 /tmp /from-18_158/
ENV VAR_18_159=value_18_159 OTHER_18_159=${A_6_174}
RUN echo step 18_160 && mkdir -p /tmp/d18_160 && touch /tmp/d18_160/f
ENV VAR_18_161=value_18_161 OTHER_18_161=${A_14_36}
COPY src/file_18_162.txt /app/dir_9/
LABEL org.example.l18_163="label 18_163"
RUN echo step 18_164 && mkdir -p /tmp/d18_164 && touch /tmp/d18_164/f
ARG A_18_165=default_18_165
ARG A_18_166=default_18_166
COPY src/file_18_167.txt /app/dir_14/
USER root
COPY src/file_18_169.txt /app/dir_16/
ENV VAR_18_170=value_18_170 OTHER_18_170=${A_13_56}
COPY --from=s17 /tmp /from-18_171/
ENV VAR_18_172=value_18_172 OTHER_18_172=${A_0_105}
COPY --from=s17 /tmp /from-18_173/
ENV VAR_18_174=value_18_174 OTHER_18_174=${A_5_66}
COPY --from=s17 /tmp /from-18_175/
RUN echo step 18_176 && mkdir -p /tmp/d18_176 && touch /tmp/d18_176/f
RUN echo step 18_177 && mkdir -p /tmp/d18_177 && touch /tmp/d18_177/f
COPY src/file_18_178.txt /app/dir_8/
COPY src/file_18_179.txt /app/dir_9/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s18_180
RUN echo step 18_181 && mkdir -p /tmp/d18_181 && touch /tmp/d18_181/f
ENV VAR_18_182=value_18_182 OTHER_18_182=${A_7_113}
RUN echo step 18_183 && mkdir -p /tmp/d18_183 && touch /tmp/d18_183/f
RUN echo step 18_184 && mkdir -p /tmp/d18_184 && touch /tmp/d18_184/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s18_185
WORKDIR /work/w4
RUN echo step 18_187 && mkdir -p /tmp/d18_187 && touch /tmp/d18_187/f
RUN echo step 18_188 && mkdir -p /tmp/d18_188 && touch /tmp/d18_188/f
RUN echo step 18_189 && mkdir -p /tmp/d18_189 && touch /tmp/d18_189/f
RUN echo step 18_190 && mkdir -p /tmp/d18_190 && touch /tmp/d18_190/f
LABEL org.example.l18_191="label 18_191"
WORKDIR /work/w10
COPY src/file_18_193.txt /app/dir_6/
EXPOSE 8194/tcp
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s18_195
RUN echo step 18_196 && mkdir -p /tmp/d18_196 && touch /tmp/d18_196/f
EXPOSE 8197/tcp
LABEL org.example.l18_198="label 18_198"
COPY src/file_18_199.txt /app/dir_12/
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s19
COPY src/file_19_0.txt /app/dir_0/
ENV VAR_19_1=value_19_1 OTHER_19_1=${A_14_131}
ARG A_19_2=default_19_2
WORKDIR /work/w3
EXPOSE 8004/tcp
RUN echo step 19_5 && mkdir -p /tmp/d19_5 && touch /tmp/d19_5/f
WORKDIR /work/w6
COPY src/file_19_7.txt /app/dir_7/
EXPOSE 8008/tcp
COPY --from=s18 /tmp /from-19_9/
RUN echo step 19_10 && mkdir -p /tmp/d19_10 && touch /tmp/d19_10/f
WORKDIR /work/w11
USER root
USER root
ENV VAR_19_14=value_19_14 OTHER_19_14=${A_6_36}
RUN echo step 19_15 && mkdir -p /tmp/d19_15 && touch /tmp/d19_15/f
RUN echo step 19_16 && mkdir -p /tmp/d19_16 && touch /tmp/d19_16/f
ENV VAR_19_17=value_19_17 OTHER_19_17=${A_6_174}
WORKDIR /work/w5
COPY src/file_19_19.txt /app/dir_2/
WORKDIR /work/w7
RUN echo step 19_21 && mkdir -p /tmp/d19_21 && touch /tmp/d19_21/f
WORKDIR /work/w9
USER root
RUN echo step 19_24 && mkdir -p /tmp/d19_24 && touch /tmp/d19_24/f
COPY --from=s18 /tmp /from-19_25/
ENV VAR_19_26=value_19_26 OTHER_19_26=${A_16_0}
ENV VAR_19_27=value_19_27 OTHER_19_27=${A_12_137}
RUN echo step 19_28 && mkdir -p /tmp/d19_28 && touch /tmp/d19_28/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s19_29
RUN echo step 19_30 && mkdir -p /tmp/d19_30 && touch /tmp/d19_30/f
RUN echo step 19_31 && mkdir -p /tmp/d19_31 && touch /tmp/d19_31/f
WORKDIR /work/w6
RUN echo step 19_33 && mkdir -p /tmp/d19_33 && touch /tmp/d19_33/f
WORKDIR /work/w8
COPY src/file_19_35.txt /app/dir_1/
WORKDIR /work/w10
COPY src/file_19_37.txt /app/dir_3/
COPY src/file_19_38.txt /app/dir_4/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s19_39
COPY src/file_19_40.txt /app/dir_6/
RUN echo step 19_41 && mkdir -p /tmp/d19_41 && touch /tmp/d19_41/f
ENV VAR_19_42=value_19_42 OTHER_19_42=${A_9_19}
COPY src/file_19_43.txt /app/dir_9/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s19_44
RUN echo step 19_45 && mkdir -p /tmp/d19_45 && touch /tmp/d19_45/f
COPY src/file_19_46.txt /app/dir_12/
USER root
ARG A_19_48=default_19_48
COPY src/file_19_49.txt /app/dir_15/
LABEL org.example.l19_50="label 19_50"
LABEL org.example.l19_51="label 19_51"
COPY src/file_19_52.txt /app/dir_1/
RUN echo step 19_53 && mkdir -p /tmp/d19_53 && touch /tmp/d19_53/f
COPY src/file_19_54.txt /app/dir_3/
COPY --from=s18 /tmp /from-19_55/
RUN echo step 19_56 && mkdir -p /tmp/d19_56 && touch /tmp/d19_56/f
ARG A_19_57=default_19_57
ENV VAR_19_58=value_19_58 OTHER_19_58=${A_16_145}
RUN echo step 19_59 && mkdir -p /tmp/d19_59 && touch /tmp/d19_59/f
RUN echo step 19_60 && mkdir -p /tmp/d19_60 && touch /tmp/d19_60/f
ENV VAR_19_61=value_19_61 OTHER_19_61=${A_0_34}
COPY src/file_19_62.txt /app/dir_11/
ENV VAR_19_63=value_19_63 OTHER_19_63=${A_7_129}
ENV VAR_19_64=value_19_64 OTHER_19_64=${A_6_129}
ARG A_19_65=default_19_65
COPY --from=s18 /tmp /from-19_66/
COPY src/file_19_67.txt /app/dir_16/
LABEL org.example.l19_68="label 19_68"
ENV VAR_19_69=value_19_69 OTHER_19_69=${A_2_141}
EXPOSE 8070/tcp
USER root
ENV VAR_19_72=value_19_72 OTHER_19_72=${A_10_108}
ENV VAR_19_73=value_19_73 OTHER_19_73=${A_10_160}
WORKDIR /work/w9
RUN echo step 19_75 && mkdir -p /tmp/d19_75 && touch /tmp/d19_75/f
RUN echo step 19_76 && mkdir -p /tmp/d19_76 && touch /tmp/d19_76/f
LABEL org.example.l19_77="label 19_77"
ENV VAR_19_78=value_19_78 OTHER_19_78=${A_2_141}
LABEL org.example.l19_79="label 19_79"
LABEL org.example.l19_80="label 19_80"
ENV VAR_19_81=value_19_81 OTHER_19_81=${A_1_109}
COPY src/file_19_82.txt /app/dir_14/
LABEL org.example.l19_83="label 19_83"
COPY src/file_19_84.txt /app/dir_16/
COPY src/file_19_85.txt /app/dir_0/
WORKDIR /work/w8
RUN echo step 19_87 && mkdir -p /tmp/d19_87 && touch /tmp/d19_87/f
ARG A_19_88=default_19_88
EXPOSE 8089/tcp
RUN echo step 19_90 && mkdir -p /tmp/d19_90 && touch /tmp/d19_90/f
ENV VAR_19_91=value_19_91 OTHER_19_91=${A_4_148}
COPY src/file_19_92.txt /app/dir_7/
RUN echo step 19_93 && mkdir -p /tmp/d19_93 && touch /tmp/d19_93/f
LABEL org.example.l19_94="label 19_94"
ENV VAR_19_95=value_19_95 OTHER_19_95=${A_9_166}
COPY src/file_19_96.txt /app/dir_11/
COPY src/file_19_97.txt /app/dir_12/
ENV VAR_19_98=value_19_98 OTHER_19_98=${A_18_42}
ARG A_19_99=default_19_99
COPY src/file_19_100.txt /app/dir_15/
RUN echo step 19_101 && mkdir -p /tmp/d19_101 && touch /tmp/d19_101/f
RUN echo step 19_102 && mkdir -p /tmp/d19_102 && touch /tmp/d19_102/f
COPY src/file_19_103.txt /app/dir_1/
RUN echo step 19_104 && mkdir -p /tmp/d19_104 && touch /tmp/d19_104/f
COPY src/file_19_105.txt /app/dir_3/
RUN echo step 19_106 && mkdir -p /tmp/d19_106 && touch /tmp/d19_106/f
RUN echo step 19_107 && mkdir -p /tmp/d19_107 && touch /tmp/d19_107/f
ENV VAR_19_108=value_19_108 OTHER_19_108=${A_18_34}
ARG A_19_109=default_19_109
COPY src/file_19_110.txt /app/dir_8/
RUN echo step 19_111 && mkdir -p /tmp/d19_111 && touch /tmp/d19_111/f
COPY src/file_19_112.txt /app/dir_10/
RUN echo step 19_113 && mkdir -p /tmp/d19_113 && touch /tmp/d19_113/f
RUN echo step 19_114 && mkdir -p /tmp/d19_114 && touch /tmp/d19_114/f
WORKDIR /work/w11
ENV VAR_19_116=value_19_116 OTHER_19_116=${A_6_129}
COPY src/file_19_117.txt /app/dir_15/
ARG A_19_118=default_19_118
LABEL org.example.l19_119="label 19_119"
RUN echo step 19_120 && mkdir -p /tmp/d19_120 && touch /tmp/d19_120/f
COPY src/file_19_121.txt /app/dir_2/
RUN echo step 19_122 && mkdir -p /tmp/d19_122 && touch /tmp/d19_122/f
COPY --from=s18 /tmp /from-19_123/
ARG A_19_124=default_19_124
WORKDIR /work/w8
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s19_126
LABEL org.example.l19_127="label 19_127"
ARG A_19_128=default_19_128
ARG A_19_129=default_19_129
COPY src/file_19_130.txt /app/dir_11/
COPY src/file_19_131.txt /app/dir_12/
COPY src/file_19_132.txt /app/dir_13/
EXPOSE 8133/tcp
COPY src/file_19_134.txt /app/dir_15/
LABEL org.example.l19_135="label 19_135"
WORKDIR /work/w6
COPY src/file_19_137.txt /app/dir_1/
ENV VAR_19_138=value_19_138 OTHER_19_138=${A_18_145}
WORKDIR /work/w9
LABEL org.example.l19_140="label 19_140"
WORKDIR /work/w11
LABEL org.example.l19_142="label 19_142"
ARG A_19_143=default_19_143
RUN echo step 19_144 && mkdir -p /tmp/d19_144 && touch /tmp/d19_144/f
LABEL org.example.l19_145="label 19_145"
ENV VAR_19_146=value_19_146 OTHER_19_146=${A_10_32}
ENV VAR_19_147=value_19_147 OTHER_19_147=${A_15_192}
COPY src/file_19_148.txt /app/dir_12/
COPY src/file_19_149.txt /app/dir_13/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s19_150
RUN echo step 19_151 && mkdir -p /tmp/d19_151 && touch /tmp/d19_151/f
WORKDIR /work/w9
ENV VAR_19_153=value_19_153 OTHER_19_153=${A_1_189}
RUN echo step 19_154 && mkdir -p /tmp/d19_154 && touch /tmp/d19_154/f
RUN echo step 19_155 && mkdir -p /tmp/d19_155 && touch /tmp/d19_155/f
ENV VAR_19_156=value_19_156 OTHER_19_156=${A_16_21}
ARG A_19_157=default_19_157
WORKDIR /work/w2
RUN echo step 19_159 && mkdir -p /tmp/d19_159 && touch /tmp/d19_159/f
COPY src/file_19_160.txt /app/dir_7/
COPY src/file_19_161.txt /app/dir_8/
WORKDIR /work/w6
RUN echo step 19_163 && mkdir -p /tmp/d19_163 && touch /tmp/d19_163/f
EXPOSE 8164/tcp
EXPOSE 8165/tcp
RUN echo step 19_166 && mkdir -p /tmp/d19_166 && touch /tmp/d19_166/f
ENV VAR_19_167=value_19_167 OTHER_19_167=${A_14_90}
ENV VAR_19_168=value_19_168 OTHER_19_168=${A_8_113}
ENV VAR_19_169=value_19_169 OTHER_19_169=${A_17_84}
ENV VAR_19_170=value_19_170 OTHER_19_170=${A_14_115}
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s19_171
ENV VAR_19_172=value_19_172 OTHER_19_172=${A_1_189}
COPY src/file_19_173.txt /app/dir_3/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s19_174
WORKDIR /work/w6
RUN echo step 19_176 && mkdir -p /tmp/d19_176 && touch /tmp/d19_176/f
ENV VAR_19_177=value_19_177 OTHER_19_177=${A_3_23}
COPY src/file_19_178.txt /app/dir_8/
COPY src/file_19_179.txt /app/dir_9/
ENV VAR_19_180=value_19_180 OTHER_19_180=${A_4_27}
RUN echo step 19_181 && mkdir -p /tmp/d19_181 && touch /tmp/d19_181/f
COPY src/file_19_182.txt /app/dir_12/
WORKDIR /work/w1
COPY src/file_19_184.txt /app/dir_14/
RUN echo step 19_185 && mkdir -p /tmp/d19_185 && touch /tmp/d19_185/f
RUN echo step 19_186 && mkdir -p /tmp/d19_186 && touch /tmp/d19_186/f
LABEL org.example.l19_187="label 19_187"
WORKDIR /work/w6
COPY src/file_19_189.txt /app/dir_2/
COPY src/file_19_190.txt /app/dir_3/
WORKDIR /work/w9
COPY --from=s18 /tmp /from-19_192/
RUN echo step 19_193 && mkdir -p /tmp/d19_193 && touch /tmp/d19_193/f
RUN echo step 19_194 && mkdir -p /tmp/d19_194 && touch /tmp/d19_194/f
ENV VAR_19_195=value_19_195 OTHER_19_195=${A_11_178}
RUN echo step 19_196 && mkdir -p /tmp/d19_196 && touch /tmp/d19_196/f
EXPOSE 8197/tcp
RUN echo step 19_198 && mkdir -p /tmp/d19_198 && touch /tmp/d19_198/f
LABEL org.example.l19_199="label 19_199"
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s20
RUN echo step 20_0 && mkdir -p /tmp/d20_0 && touch /tmp/d20_0/f
COPY src/file_20_1.txt /app/dir_1/
COPY src/file_20_2.txt /app/dir_2/
ENV VAR_20_3=value_20_3 OTHER_20_3=${A_5_159}
COPY --from=s19 /tmp /from-20_4/
RUN echo step 20_5 && mkdir -p /tmp/d20_5 && touch /tmp/d20_5/f
COPY src/file_20_6.txt /app/dir_6/
RUN echo step 20_7 && mkdir -p /tmp/d20_7 && touch /tmp/d20_7/f
COPY src/file_20_8.txt /app/dir_8/
ENV VAR_20_9=value_20_9 OTHER_20_9=${A_16_21}
RUN echo step 20_10 && mkdir -p /tmp/d20_10 && touch /tmp/d20_10/f
USER root
ENV VAR_20_12=value_20_12 OTHER_20_12=${A_19_48}
WORKDIR /work/w0
ARG A_20_14=default_20_14
COPY src/file_20_15.txt /app/dir_15/
WORKDIR /work/w3
ARG A_20_17=default_20_17
RUN echo step 20_18 && mkdir -p /tmp/d20_18 && touch /tmp/d20_18/f
COPY src/file_20_19.txt /app/dir_2/
COPY src/file_20_20.txt /app/dir_3/
RUN echo step 20_21 && mkdir -p /tmp/d20_21 && touch /tmp/d20_21/f
ENV VAR_20_22=value_20_22 OTHER_20_22=${A_7_177}
RUN echo step 20_23 && mkdir -p /tmp/d20_23 && touch /tmp/d20_23/f
COPY --from=s19 /tmp /from-20_24/
EXPOSE 8025/tcp
WORKDIR /work/w0
COPY src/file_20_27.txt /app/dir_10/
COPY src/file_20_28.txt /app/dir_11/
LABEL org.example.l20_29="label 20_29"
WORKDIR /work/w4
WORKDIR /work/w5
WORKDIR /work/w6
WORKDIR /work/w7
ENV VAR_20_34=value_20_34 OTHER_20_34=${A_6_120}
ENV VAR_20_35=value_20_35 OTHER_20_35=${A_12_162}
COPY src/file_20_36.txt /app/dir_2/
COPY src/file_20_37.txt /app/dir_3/
RUN echo step 20_38 && mkdir -p /tmp/d20_38 && touch /tmp/d20_38/f
COPY --from=s19 /tmp /from-20_39/
COPY src/file_20_40.txt /app/dir_6/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s20_41
ENV VAR_20_42=value_20_42 OTHER_20_42=${A_5_51}
COPY src/file_20_43.txt /app/dir_9/
COPY src/file_20_44.txt /app/dir_10/
LABEL org.example.l20_45="label 20_45"
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s20_46
WORKDIR /work/w8
COPY src/file_20_48.txt /app/dir_14/
ENV VAR_20_49=value_20_49 OTHER_20_49=${A_16_155}
COPY src/file_20_50.txt /app/dir_16/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s20_51
ENV VAR_20_52=value_20_52 OTHER_20_52=${A_5_60}
COPY src/file_20_53.txt /app/dir_2/
COPY --from=s19 /tmp /from-20_54/
ENV VAR_20_55=value_20_55 OTHER_20_55=${A_16_197}
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s20_56
ENV VAR_20_57=value_20_57 OTHER_20_57=${A_17_34}
USER root
EXPOSE 8059/tcp
RUN echo step 20_60 && mkdir -p /tmp/d20_60 && touch /tmp/d20_60/f
RUN echo step 20_61 && mkdir -p /tmp/d20_61 && touch /tmp/d20_61/f
COPY src/file_20_62.txt /app/dir_11/
COPY src/file_20_63.txt /app/dir_12/
COPY src/file_20_64.txt /app/dir_13/
WORKDIR /work/w0
ENV VAR_20_66=value_20_66 OTHER_20_66=${A_3_145}
WORKDIR /work/w2
ENV VAR_20_68=value_20_68 OTHER_20_68=${A_0_158}
ARG A_20_69=default_20_69
ENV VAR_20_70=value_20_70 OTHER_20_70=${A_1_179}
RUN echo step 20_71 && mkdir -p /tmp/d20_71 && touch /tmp/d20_71/f
ENV VAR_20_72=value_20_72 OTHER_20_72=${A_14_102}
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s20_73
WORKDIR /work/w9
RUN echo step 20_75 && mkdir -p /tmp/d20_75 && touch /tmp/d20_75/f
WORKDIR /work/w11
RUN echo step 20_77 && mkdir -p /tmp/d20_77 && touch /tmp/d20_77/f
COPY --from=s19 /tmp /from-20_78/
RUN echo step 20_79 && mkdir -p /tmp/d20_79 && touch /tmp/d20_79/f
WORKDIR /work/w2
WORKDIR /work/w3
COPY src/file_20_82.txt /app/dir_14/
COPY src/file_20_83.txt /app/dir_15/
WORKDIR /work/w6
COPY --from=s19 /tmp /from-20_85/
RUN echo step 20_86 && mkdir -p /tmp/d20_86 && touch /tmp/d20_86/f
USER root
COPY --from=s19 /tmp /from-20_88/
ENV VAR_20_89=value_20_89 OTHER_20_89=${A_14_21}
RUN echo step 20_90 && mkdir -p /tmp/d20_90 && touch /tmp/d20_90/f
COPY --from=s19 /tmp /from-20_91/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s20_92
ARG A_20_93=default_20_93
WORKDIR /work/w3
WORKDIR /work/w4
EXPOSE 8096/tcp
COPY src/file_20_97.txt /app/dir_12/
ENV VAR_20_98=value_20_98 OTHER_20_98=${A_17_165}
ENV VAR_20_99=value_20_99 OTHER_20_99=${A_18_80}
RUN echo step 20_100 && mkdir -p /tmp/d20_100 && touch /tmp/d20_100/f
ENV VAR_20_101=value_20_101 OTHER_20_101=${A_4_21}
RUN echo step 20_102 && mkdir -p /tmp/d20_102 && touch /tmp/d20_102/f
ENV VAR_20_103=value_20_103 OTHER_20_103=${A_16_95}
LABEL org.example.l20_104="label 20_104"
RUN echo step 20_105 && mkdir -p /tmp/d20_105 && touch /tmp/d20_105/f
COPY src/file_20_106.txt /app/dir_4/
ENV VAR_20_107=value_20_107 OTHER_20_107=${A_18_132}
COPY src/file_20_108.txt /app/dir_6/
ARG A_20_109=default_20_109
COPY --from=s19 /tmp /from-20_110/
USER root
RUN echo step 20_112 && mkdir -p /tmp/d20_112 && touch /tmp/d20_112/f
WORKDIR /work/w9
COPY src/file_20_114.txt /app/dir_12/
EXPOSE 8115/tcp
ARG A_20_116=default_20_116
LABEL org.example.l20_117="label 20_117"
WORKDIR /work/w1
COPY src/file_20_119.txt /app/dir_0/
ARG A_20_120=default_20_120
RUN echo step 20_121 && mkdir -p /tmp/d20_121 && touch /tmp/d20_121/f
RUN echo step 20_122 && mkdir -p /tmp/d20_122 && touch /tmp/d20_122/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s20_123
ENV VAR_20_124=value_20_124 OTHER_20_124=${A_11_96}
USER root
RUN echo step 20_126 && mkdir -p /tmp/d20_126 && touch /tmp/d20_126/f
COPY src/file_20_127.txt /app/dir_8/
ARG A_20_128=default_20_128
COPY --from=s19 /tmp /from-20_129/
RUN echo step 20_130 && mkdir -p /tmp/d20_130 && touch /tmp/d20_130/f
COPY src/file_20_131.txt /app/dir_12/
COPY src/file_20_132.txt /app/dir_13/
WORKDIR /work/w3
EXPOSE 8134/tcp
ARG A_20_135=default_20_135
ENV VAR_20_136=value_20_136 OTHER_20_136=${A_15_130}
COPY src/file_20_137.txt /app/dir_1/
COPY src/file_20_138.txt /app/dir_2/
COPY src/file_20_139.txt /app/dir_3/
ARG A_20_140=default_20_140
RUN echo step 20_141 && mkdir -p /tmp/d20_141 && touch /tmp/d20_141/f
ARG A_20_142=default_20_142
ARG A_20_143=default_20_143
ARG A_20_144=default_20_144
RUN echo step 20_145 && mkdir -p /tmp/d20_145 && touch /tmp/d20_145/f
ENV VAR_20_146=value_20_146 OTHER_20_146=${A_4_27}
RUN echo step 20_147 && mkdir -p /tmp/d20_147 && touch /tmp/d20_147/f
LABEL org.example.l20_148="label 20_148"
LABEL org.example.l20_149="label 20_149"
RUN echo step 20_150 && mkdir -p /tmp/d20_150 && touch /tmp/d20_150/f
RUN echo step 20_151 && mkdir -p /tmp/d20_151 && touch /tmp/d20_151/f
RUN echo step 20_152 && mkdir -p /tmp/d20_152 && touch /tmp/d20_152/f
ENV VAR_20_153=value_20_153 OTHER_20_153=${A_0_34}
COPY src/file_20_154.txt /app/dir_1/
COPY --from=s19 /tmp /from-20_155/
ARG A_20_156=default_20_156
COPY src/file_20_157.txt /app/dir_4/
RUN echo step 20_158 && mkdir -p /tmp/d20_158 && touch /tmp/d20_158/f
LABEL org.example.l20_159="label 20_159"
COPY src/file_20_160.txt /app/dir_7/
LABEL org.example.l20_161="label 20_161"
ARG A_20_162=default_20_162
COPY --from=s19 /tmp /from-20_163/
USER root
COPY src/file_20_165.txt /app/dir_12/
ENV VAR_20_166=value_20_166 OTHER_20_166=${A_14_102}
COPY src/file_20_167.txt /app/dir_14/
COPY src/file_20_168.txt /app/dir_15/
LABEL org.example.l20_169="label 20_169"
COPY src/file_20_170.txt /app/dir_0/
EXPOSE 8171/tcp
ENV VAR_20_172=value_20_172 OTHER_20_172=${VERSION}
RUN echo step 20_173 && mkdir -p /tmp/d20_173 && touch /tmp/d20_173/f
ENV VAR_20_174=value_20_174 OTHER_20_174=${A_1_189}
COPY --from=s19 /tmp /from-20_175/
RUN echo step 20_176 && mkdir -p /tmp/d20_176 && touch /tmp/d20_176/f
RUN echo step 20_177 && mkdir -p /tmp/d20_177 && touch /tmp/d20_177/f
WORKDIR /work/w9
ARG A_20_179=default_20_179
ARG A_20_180=default_20_180
RUN echo step 20_181 && mkdir -p /tmp/d20_181 && touch /tmp/d20_181/f
RUN echo step 20_182 && mkdir -p /tmp/d20_182 && touch /tmp/d20_182/f
COPY src/file_20_183.txt /app/dir_13/
USER root
ARG A_20_185=default_20_185
COPY src/file_20_186.txt /app/dir_16/
WORKDIR /work/w5
RUN echo step 20_188 && mkdir -p /tmp/d20_188 && touch /tmp/d20_188/f
WORKDIR /work/w7
RUN echo step 20_190 && mkdir -p /tmp/d20_190 && touch /tmp/d20_190/f
RUN echo step 20_191 && mkdir -p /tmp/d20_191 && touch /tmp/d20_191/f
ENV VAR_20_192=value_20_192 OTHER_20_192=${A_18_71}
WORKDIR /work/w11
RUN echo step 20_194 && mkdir -p /tmp/d20_194 && touch /tmp/d20_194/f
ARG A_20_195=default_20_195
RUN echo step 20_196 && mkdir -p /tmp/d20_196 && touch /tmp/d20_196/f
RUN echo step 20_197 && mkdir -p /tmp/d20_197 && touch /tmp/d20_197/f
USER root
RUN echo step 20_199 && mkdir -p /tmp/d20_199 && touch /tmp/d20_199/f
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s21
EXPOSE 8000/tcp
RUN echo step 21_1 && mkdir -p /tmp/d21_1 && touch /tmp/d21_1/f
ARG A_21_2=default_21_2
RUN echo step 21_3 && mkdir -p /tmp/d21_3 && touch /tmp/d21_3/f
ENV VAR_21_4=value_21_4 OTHER_21_4=${A_5_36}
LABEL org.example.l21_5="label 21_5"
WORKDIR /work/w6
WORKDIR /work/w7
ENV VAR_21_8=value_21_8 OTHER_21_8=${A_3_38}
WORKDIR /work/w9
RUN echo step 21_10 && mkdir -p /tmp/d21_10 && touch /tmp/d21_10/f
WORKDIR /work/w11
COPY src/file_21_12.txt /app/dir_12/
RUN echo step 21_13 && mkdir -p /tmp/d21_13 && touch /tmp/d21_13/f
ARG A_21_14=default_21_14
COPY src/file_21_15.txt /app/dir_15/
RUN echo step 21_16 && mkdir -p /tmp/d21_16 && touch /tmp/d21_16/f
ENV VAR_21_17=value_21_17 OTHER_21_17=${A_14_178}
WORKDIR /work/w5
RUN echo step 21_19 && mkdir -p /tmp/d21_19 && touch /tmp/d21_19/f
EXPOSE 8020/tcp
RUN echo step 21_21 && mkdir -p /tmp/d21_21 && touch /tmp/d21_21/f
RUN echo step 21_22 && mkdir -p /tmp/d21_22 && touch /tmp/d21_22/f
LABEL org.example.l21_23="label 21_23"
RUN echo step 21_24 && mkdir -p /tmp/d21_24 && touch /tmp/d21_24/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s21_25
COPY src/file_21_26.txt /app/dir_9/
EXPOSE 8027/tcp
ENV VAR_21_28=value_21_28 OTHER_21_28=${A_11_55}
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s21_29
RUN echo step 21_30 && mkdir -p /tmp/d21_30 && touch /tmp/d21_30/f
WORKDIR /work/w5
RUN echo step 21_32 && mkdir -p /tmp/d21_32 && touch /tmp/d21_32/f
ARG A_21_33=default_21_33
COPY src/file_21_34.txt /app/dir_0/
ARG A_21_35=default_21_35
RUN echo step 21_36 && mkdir -p /tmp/d21_36 && touch /tmp/d21_36/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s21_37
LABEL org.example.l21_38="label 21_38"
ENV VAR_21_39=value_21_39 OTHER_21_39=${A_0_158}
RUN echo step 21_40 && mkdir -p /tmp/d21_40 && touch /tmp/d21_40/f
COPY src/file_21_41.txt /app/dir_7/
RUN echo step 21_42 && mkdir -p /tmp/d21_42 && touch /tmp/d21_42/f
LABEL org.example.l21_43="label 21_43"
RUN echo step 21_44 && mkdir -p /tmp/d21_44 && touch /tmp/d21_44/f
ENV VAR_21_45=value_21_45 OTHER_21_45=${A_17_52}
RUN echo step 21_46 && mkdir -p /tmp/d21_46 && touch /tmp/d21_46/f
EXPOSE 8047/tcp
RUN echo step 21_48 && mkdir -p /tmp/d21_48 && touch /tmp/d21_48/f
RUN echo step 21_49 && mkdir -p /tmp/d21_49 && touch /tmp/d21_49/f
WORKDIR /work/w11
WORKDIR /work/w12
RUN echo step 21_52 && mkdir -p /tmp/d21_52 && touch /tmp/d21_52/f
COPY src/file_21_53.txt /app/dir_2/
LABEL org.example.l21_54="label 21_54"
WORKDIR /work/w3
WORKDIR /work/w4
WORKDIR /work/w5
COPY --from=s20 /tmp /from-21_58/
RUN echo step 21_59 && mkdir -p /tmp/d21_59 && touch /tmp/d21_59/f
LABEL org.example.l21_60="label 21_60"
WORKDIR /work/w9
COPY src/file_21_62.txt /app/dir_11/
ARG A_21_63=default_21_63
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s21_64
ENV VAR_21_65=value_21_65 OTHER_21_65=${A_5_158}
ARG A_21_66=default_21_66
COPY src/file_21_67.txt /app/dir_16/
ENV VAR_21_68=value_21_68 OTHER_21_68=${A_9_166}
ARG A_21_69=default_21_69
ENV VAR_21_70=value_21_70 OTHER_21_70=${A_8_34}
ENV VAR_21_71=value_21_71 OTHER_21_71=${A_3_64}
EXPOSE 8072/tcp
RUN echo step 21_73 && mkdir -p /tmp/d21_73 && touch /tmp/d21_73/f
EXPOSE 8074/tcp
ENV VAR_21_75=value_21_75 OTHER_21_75=${A_4_132}
RUN echo step 21_76 && mkdir -p /tmp/d21_76 && touch /tmp/d21_76/f
ARG A_21_77=default_21_77
COPY src/file_21_78.txt /app/dir_10/
COPY src/file_21_79.txt /app/dir_11/
WORKDIR /work/w2
ENV VAR_21_81=value_21_81 OTHER_21_81=${A_5_87}
RUN echo step 21_82 && mkdir -p /tmp/d21_82 && touch /tmp/d21_82/f
USER root
ENV VAR_21_84=value_21_84 OTHER_21_84=${A_1_130}
ARG A_21_85=default_21_85
ENV VAR_21_86=value_21_86 OTHER_21_86=${A_10_70}
COPY src/file_21_87.txt /app/dir_2/
RUN echo step 21_88 && mkdir -p /tmp/d21_88 && touch /tmp/d21_88/f
ENV VAR_21_89=value_21_89 OTHER_21_89=${A_5_12}
ENV VAR_21_90=value_21_90 OTHER_21_90=${A_5_181}
RUN echo step 21_91 && mkdir -p /tmp/d21_91 && touch /tmp/d21_91/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s21_92
USER root
WORKDIR /work/w3
USER root
RUN echo step 21_96 && mkdir -p /tmp/d21_96 && touch /tmp/d21_96/f
RUN echo step 21_97 && mkdir -p /tmp/d21_97 && touch /tmp/d21_97/f
LABEL org.example.l21_98="label 21_98"
LABEL org.example.l21_99="label 21_99"
USER root
USER root
COPY src/file_21_102.txt /app/dir_0/
ARG A_21_103=default_21_103
ARG A_21_104=default_21_104
ARG A_21_105=default_21_105
WORKDIR /work/w2
COPY src/file_21_107.txt /app/dir_5/
ENV VAR_21_108=value_21_108 OTHER_21_108=${A_16_122}
RUN echo step 21_109 && mkdir -p /tmp/d21_109 && touch /tmp/d21_109/f
COPY --from=s20 /tmp /from-21_110/
COPY src/file_21_111.txt /app/dir_9/
RUN echo step 21_112 && mkdir -p /tmp/d21_112 && touch /tmp/d21_112/f
COPY --from=s20 /tmp /from-21_113/
ENV VAR_21_114=value_21_114 OTHER_21_114=${A_13_110}
COPY --from=s20 /tmp /from-21_115/
RUN echo step 21_116 && mkdir -p /tmp/d21_116 && touch /tmp/d21_116/f
WORKDIR /work/w0
RUN echo step 21_118 && mkdir -p /tmp/d21_118 && touch /tmp/d21_118/f
EXPOSE 8119/tcp
COPY src/file_21_120.txt /app/dir_1/
COPY --from=s20 /tmp /from-21_121/
RUN echo step 21_122 && mkdir -p /tmp/d21_122 && touch /tmp/d21_122/f
ENV VAR_21_123=value_21_123 OTHER_21_123=${A_5_66}
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s21_124
ARG A_21_125=default_21_125
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s21_126
RUN echo step 21_127 && mkdir -p /tmp/d21_127 && touch /tmp/d21_127/f
EXPOSE 8128/tcp
COPY src/file_21_129.txt /app/dir_10/
EXPOSE 8130/tcp
COPY src/file_21_131.txt /app/dir_12/
WORKDIR /work/w2
COPY src/file_21_133.txt /app/dir_14/
ARG A_21_134=default_21_134
WORKDIR /work/w5
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s21_136
WORKDIR /work/w7
RUN echo step 21_138 && mkdir -p /tmp/d21_138 && touch /tmp/d21_138/f
RUN echo step 21_139 && mkdir -p /tmp/d21_139 && touch /tmp/d21_139/f
USER root
ARG A_21_141=default_21_141
COPY --from=s20 /tmp /from-21_142/
ARG A_21_143=default_21_143
USER root
ARG A_21_145=default_21_145
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s21_146
RUN echo step 21_147 && mkdir -p /tmp/d21_147 && touch /tmp/d21_147/f
ENV VAR_21_148=value_21_148 OTHER_21_148=${A_18_21}
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s21_149
WORKDIR /work/w7
COPY src/file_21_151.txt /app/dir_15/
LABEL org.example.l21_152="label 21_152"
RUN echo step 21_153 && mkdir -p /tmp/d21_153 && touch /tmp/d21_153/f
ARG A_21_154=default_21_154
COPY src/file_21_155.txt /app/dir_2/
RUN echo step 21_156 && mkdir -p /tmp/d21_156 && touch /tmp/d21_156/f
LABEL org.example.l21_157="label 21_157"
EXPOSE 8158/tcp
ENV VAR_21_159=value_21_159 OTHER_21_159=${A_1_77}
ENV VAR_21_160=value_21_160 OTHER_21_160=${A_2_141}
RUN echo step 21_161 && mkdir -p /tmp/d21_161 && touch /tmp/d21_161/f
COPY --from=s20 /tmp /from-21_162/
RUN echo step 21_163 && mkdir -p /tmp/d21_163 && touch /tmp/d21_163/f
RUN echo step 21_164 && mkdir -p /tmp/d21_164 && touch /tmp/d21_164/f
EXPOSE 8165/tcp
ENV VAR_21_166=value_21_166 OTHER_21_166=${A_4_22}
ENV VAR_21_167=value_21_167 OTHER_21_167=${A_8_112}
COPY --from=s20 /tmp /from-21_168/
RUN echo step 21_169 && mkdir -p /tmp/d21_169 && touch /tmp/d21_169/f
RUN echo step 21_170 && mkdir -p /tmp/d21_170 && touch /tmp/d21_170/f
COPY --from=s20 /tmp /from-21_171/
COPY src/file_21_172.txt /app/dir_2/
ENV VAR_21_173=value_21_173 OTHER_21_173=${A_14_24}
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s21_174
ENV VAR_21_175=value_21_175 OTHER_21_175=${A_15_52}
COPY src/file_21_176.txt /app/dir_6/
LABEL org.example.l21_177="label 21_177"
ENV VAR_21_178=value_21_178 OTHER_21_178=${A_8_8}
LABEL org.example.l21_179="label 21_179"
WORKDIR /work/w11
COPY --from=s20 /tmp /from-21_181/
EXPOSE 8182/tcp
USER root
RUN echo step 21_184 && mkdir -p /tmp/d21_184 && touch /tmp/d21_184/f
RUN echo step 21_185 && mkdir -p /tmp/d21_185 && touch /tmp/d21_185/f
COPY src/file_21_186.txt /app/dir_16/
COPY src/file_21_187.txt /app/dir_0/
RUN echo step 21_188 && mkdir -p /tmp/d21_188 && touch /tmp/d21_188/f
COPY src/file_21_189.txt /app/dir_2/
RUN echo step 21_190 && mkdir -p /tmp/d21_190 && touch /tmp/d21_190/f
EXPOSE 8191/tcp
RUN echo step 21_192 && mkdir -p /tmp/d21_192 && touch /tmp/d21_192/f
ENV VAR_21_193=value_21_193 OTHER_21_193=${A_4_90}
COPY src/file_21_194.txt /app/dir_7/
LABEL org.example.l21_195="label 21_195"
RUN echo step 21_196 && mkdir -p /tmp/d21_196 && touch /tmp/d21_196/f
COPY src/file_21_197.txt /app/dir_10/
COPY src/file_21_198.txt /app/dir_11/
EXPOSE 8199/tcp
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s22
WORKDIR /work/w0
COPY src/file_22_1.txt /app/dir_1/
COPY src/file_22_2.txt /app/dir_2/
LABEL org.example.l22_3="label 22_3"
RUN echo step 22_4 && mkdir -p /tmp/d22_4 && touch /tmp/d22_4/f
RUN echo step 22_5 && mkdir -p /tmp/d22_5 && touch /tmp/d22_5/f
ENV VAR_22_6=value_22_6 OTHER_22_6=${A_2_137}
COPY src/file_22_7.txt /app/dir_7/
COPY --from=s21 /tmp /from-22_8/
ENV VAR_22_9=value_22_9 OTHER_22_9=${A_14_111}
RUN echo step 22_10 && mkdir -p /tmp/d22_10 && touch /tmp/d22_10/f
COPY --from=s21 /tmp /from-22_11/
ENV VAR_22_12=value_22_12 OTHER_22_12=${A_9_13}
WORKDIR /work/w0
EXPOSE 8014/tcp
ARG A_22_15=default_22_15
ENV VAR_22_16=value_22_16 OTHER_22_16=${A_3_178}
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s22_17
COPY src/file_22_18.txt /app/dir_1/
LABEL org.example.l22_19="label 22_19"
ARG A_22_20=default_22_20
COPY --from=s21 /tmp /from-22_21/
ARG A_22_22=default_22_22
COPY src/file_22_23.txt /app/dir_6/
ARG A_22_24=default_22_24
LABEL org.example.l22_25="label 22_25"
ENV VAR_22_26=value_22_26 OTHER_22_26=${A_5_12}
COPY --from=s21 /tmp /from-22_27/
RUN echo step 22_28 && mkdir -p /tmp/d22_28 && touch /tmp/d22_28/f
USER root
COPY src/file_22_30.txt /app/dir_13/
RUN echo step 22_31 && mkdir -p /tmp/d22_31 && touch /tmp/d22_31/f
RUN echo step 22_32 && mkdir -p /tmp/d22_32 && touch /tmp/d22_32/f
COPY src/file_22_33.txt /app/dir_16/
RUN echo step 22_34 && mkdir -p /tmp/d22_34 && touch /tmp/d22_34/f
ENV VAR_22_35=value_22_35 OTHER_22_35=${A_14_124}
COPY src/file_22_36.txt /app/dir_2/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s22_37
COPY src/file_22_38.txt /app/dir_4/
LABEL org.example.l22_39="label 22_39"
RUN echo step 22_40 && mkdir -p /tmp/d22_40 && touch /tmp/d22_40/f
COPY src/file_22_41.txt /app/dir_7/
USER root
EXPOSE 8043/tcp
ARG A_22_44=default_22_44
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s22_45
RUN echo step 22_46 && mkdir -p /tmp/d22_46 && touch /tmp/d22_46/f
RUN echo step 22_47 && mkdir -p /tmp/d22_47 && touch /tmp/d22_47/f
ARG A_22_48=default_22_48
ENV VAR_22_49=value_22_49 OTHER_22_49=${A_14_124}
RUN echo step 22_50 && mkdir -p /tmp/d22_50 && touch /tmp/d22_50/f
EXPOSE 8051/tcp
RUN echo step 22_52 && mkdir -p /tmp/d22_52 && touch /tmp/d22_52/f
ENV VAR_22_53=value_22_53 OTHER_22_53=${A_15_118}
COPY src/file_22_54.txt /app/dir_3/
RUN echo step 22_55 && mkdir -p /tmp/d22_55 && touch /tmp/d22_55/f
ARG A_22_56=default_22_56
COPY --from=s21 /tmp /from-22_57/
WORKDIR /work/w6
EXPOSE 8059/tcp
USER root
ENV VAR_22_61=value_22_61 OTHER_22_61=${A_18_34}
LABEL org.example.l22_62="label 22_62"
WORKDIR /work/w11
RUN echo step 22_64 && mkdir -p /tmp/d22_64 && touch /tmp/d22_64/f
ARG A_22_65=default_22_65
COPY src/file_22_66.txt /app/dir_15/
WORKDIR /work/w2
RUN echo step 22_68 && mkdir -p /tmp/d22_68 && touch /tmp/d22_68/f
EXPOSE 8069/tcp
RUN echo step 22_70 && mkdir -p /tmp/d22_70 && touch /tmp/d22_70/f
WORKDIR /work/w6
COPY src/file_22_72.txt /app/dir_4/
EXPOSE 8073/tcp
COPY src/file_22_74.txt /app/dir_6/
RUN echo step 22_75 && mkdir -p /tmp/d22_75 && touch /tmp/d22_75/f
EXPOSE 8076/tcp
ARG A_22_77=default_22_77
EXPOSE 8078/tcp
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s22_79
ARG A_22_80=default_22_80
ARG A_22_81=default_22_81
ARG A_22_82=default_22_82
LABEL org.example.l22_83="label 22_83"
COPY src/file_22_84.txt /app/dir_16/
COPY src/file_22_85.txt /app/dir_0/
RUN echo step 22_86 && mkdir -p /tmp/d22_86 && touch /tmp/d22_86/f
RUN echo step 22_87 && mkdir -p /tmp/d22_87 && touch /tmp/d22_87/f
ARG A_22_88=default_22_88
ENV VAR_22_89=value_22_89 OTHER_22_89=${A_16_48}
RUN echo step 22_90 && mkdir -p /tmp/d22_90 && touch /tmp/d22_90/f
ENV VAR_22_91=value_22_91 OTHER_22_91=${A_7_59}
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s22_92
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s22_93
EXPOSE 8094/tcp
USER root
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s22_96
COPY src/file_22_97.txt /app/dir_12/
ENV VAR_22_98=value_22_98 OTHER_22_98=${A_1_96}
USER root
ENV VAR_22_100=value_22_100 OTHER_22_100=${A_8_136}
WORKDIR /work/w10
RUN echo step 22_102 && mkdir -p /tmp/d22_102 && touch /tmp/d22_102/f
ENV VAR_22_103=value_22_103 OTHER_22_103=${A_12_180}
WORKDIR /work/w0
COPY src/file_22_105.txt /app/dir_3/
RUN echo step 22_106 && mkdir -p /tmp/d22_106 && touch /tmp/d22_106/f
ARG A_22_107=default_22_107
RUN echo step 22_108 && mkdir -p /tmp/d22_108 && touch /tmp/d22_108/f
USER root
COPY --from=s21 /tmp /from-22_110/
ARG A_22_111=default_22_111
ARG A_22_112=default_22_112
ENV VAR_22_113=value_22_113 OTHER_22_113=${A_18_38}
COPY --from=s21 /tmp /from-22_114/
RUN echo step 22_115 && mkdir -p /tmp/d22_115 && touch /tmp/d22_115/f
WORKDIR /work/w12
USER root
RUN echo step 22_118 && mkdir -p /tmp/d22_118 && touch /tmp/d22_118/f
COPY src/file_22_119.txt /app/dir_0/
ENV VAR_22_120=value_22_120 OTHER_22_120=${A_21_105}
USER root
ENV VAR_22_122=value_22_122 OTHER_22_122=${A_8_68}
RUN echo step 22_123 && mkdir -p /tmp/d22_123 && touch /tmp/d22_123/f
RUN echo step 22_124 && mkdir -p /tmp/d22_124 && touch /tmp/d22_124/f
COPY --from=s21 /tmp /from-22_125/
ENV VAR_22_126=value_22_126 OTHER_22_126=${A_0_158}
USER root
USER root
RUN echo step 22_129 && mkdir -p /tmp/d22_129 && touch /tmp/d22_129/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s22_130
ARG A_22_131=default_22_131
COPY src/file_22_132.txt /app/dir_13/
RUN echo step 22_133 && mkdir -p /tmp/d22_133 && touch /tmp/d22_133/f
WORKDIR /work/w4
COPY --from=s21 /tmp /from-22_135/
LABEL org.example.l22_136="label 22_136"
ENV VAR_22_137=value_22_137 OTHER_22_137=${A_4_183}
ARG A_22_138=default_22_138
ENV VAR_22_139=value_22_139 OTHER_22_139=${A_4_4}
ARG A_22_140=default_22_140
RUN echo step 22_141 && mkdir -p /tmp/d22_141 && touch /tmp/d22_141/f
RUN echo step 22_142 && mkdir -p /tmp/d22_142 && touch /tmp/d22_142/f
RUN echo step 22_143 && mkdir -p /tmp/d22_143 && touch /tmp/d22_143/f
RUN echo step 22_144 && mkdir -p /tmp/d22_144 && touch /tmp/d22_144/f
RUN echo step 22_145 && mkdir -p /tmp/d22_145 && touch /tmp/d22_145/f
ENV VAR_22_146=value_22_146 OTHER_22_146=${A_1_139}
LABEL org.example.l22_147="label 22_147"
ENV VAR_22_148=value_22_148 OTHER_22_148=${A_0_34}
LABEL org.example.l22_149="label 22_149"
COPY src/file_22_150.txt /app/dir_14/
LABEL org.example.l22_151="label 22_151"
ENV VAR_22_152=value_22_152 OTHER_22_152=${A_14_178}
RUN echo step 22_153 && mkdir -p /tmp/d22_153 && touch /tmp/d22_153/f
RUN echo step 22_154 && mkdir -p /tmp/d22_154 && touch /tmp/d22_154/f
RUN echo step 22_155 && mkdir -p /tmp/d22_155 && touch /tmp/d22_155/f
ENV VAR_22_156=value_22_156 OTHER_22_156=${A_20_180}
USER root
ENV VAR_22_158=value_22_158 OTHER_22_158=${A_15_130}
LABEL org.example.l22_159="label 22_159"
ENV VAR_22_160=value_22_160 OTHER_22_160=${A_5_95}
ARG A_22_161=default_22_161
LABEL org.example.l22_162="label 22_162"
COPY src/file_22_163.txt /app/dir_10/
COPY src/file_22_164.txt /app/dir_11/
WORKDIR /work/w9
ENV VAR_22_166=value_22_166 OTHER_22_166=${A_9_143}
ENV VAR_22_167=value_22_167 OTHER_22_167=${A_14_21}
LABEL org.example.l22_168="label 22_168"
ARG A_22_169=default_22_169
LABEL org.example.l22_170="label 22_170"
WORKDIR /work/w2
COPY --from=s21 /tmp /from-22_172/
COPY src/file_22_173.txt /app/dir_3/
RUN echo step 22_174 && mkdir -p /tmp/d22_174 && touch /tmp/d22_174/f
ARG A_22_175=default_22_175
ENV VAR_22_176=value_22_176 OTHER_22_176=${A_3_189}
USER root
COPY src/file_22_178.txt /app/dir_8/
COPY src/file_22_179.txt /app/dir_9/
COPY src/file_22_180.txt /app/dir_10/
COPY src/file_22_181.txt /app/dir_11/
LABEL org.example.l22_182="label 22_182"
ENV VAR_22_183=value_22_183 OTHER_22_183=${A_1_81}
ENV VAR_22_184=value_22_184 OTHER_22_184=${A_22_131}
COPY src/file_22_185.txt /app/dir_15/
ARG A_22_186=default_22_186
RUN echo step 22_187 && mkdir -p /tmp/d22_187 && touch /tmp/d22_187/f
ARG A_22_188=default_22_188
ARG A_22_189=default_22_189
LABEL org.example.l22_190="label 22_190"
RUN echo step 22_191 && mkdir -p /tmp/d22_191 && touch /tmp/d22_191/f
LABEL org.example.l22_192="label 22_192"
RUN echo step 22_193 && mkdir -p /tmp/d22_193 && touch /tmp/d22_193/f
COPY src/file_22_194.txt /app/dir_7/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s22_195
ENV VAR_22_196=value_22_196 OTHER_22_196=${A_12_146}
ENV VAR_22_197=value_22_197 OTHER_22_197=${A_21_66}
LABEL org.example.l22_198="label 22_198"
WORKDIR /work/w4
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s23
LABEL org.example.l23_0="label 23_0"
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s23_1
WORKDIR /work/w2
ENV VAR_23_3=value_23_3 OTHER_23_3=${A_12_185}
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s23_4
RUN echo step 23_5 && mkdir -p /tmp/d23_5 && touch /tmp/d23_5/f
ARG A_23_6=default_23_6
ENV VAR_23_7=value_23_7 OTHER_23_7=${A_17_3}
ARG A_23_8=default_23_8
LABEL org.example.l23_9="label 23_9"
RUN echo step 23_10 && mkdir -p /tmp/d23_10 && touch /tmp/d23_10/f
WORKDIR /work/w11
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s23_12
LABEL org.example.l23_13="label 23_13"
ENV VAR_23_14=value_23_14 OTHER_23_14=${A_15_112}
RUN echo step 23_15 && mkdir -p /tmp/d23_15 && touch /tmp/d23_15/f
RUN echo step 23_16 && mkdir -p /tmp/d23_16 && touch /tmp/d23_16/f
ENV VAR_23_17=value_23_17 OTHER_23_17=${A_18_71}
COPY src/file_23_18.txt /app/dir_1/
RUN echo step 23_19 && mkdir -p /tmp/d23_19 && touch /tmp/d23_19/f
ENV VAR_23_20=value_23_20 OTHER_23_20=${A_15_7}
RUN echo step 23_21 && mkdir -p /tmp/d23_21 && touch /tmp/d23_21/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s23_22
ENV VAR_23_23=value_23_23 OTHER_23_23=${A_5_120}
RUN echo step 23_24 && mkdir -p /tmp/d23_24 && touch /tmp/d23_24/f
USER root
ENV VAR_23_26=value_23_26 OTHER_23_26=${A_22_22}
COPY src/file_23_27.txt /app/dir_10/
ENV VAR_23_28=value_23_28 OTHER_23_28=${A_10_32}
LABEL org.example.l23_29="label 23_29"
ARG A_23_30=default_23_30
EXPOSE 8031/tcp
LABEL org.example.l23_32="label 23_32"
ARG A_23_33=default_23_33
COPY src/file_23_34.txt /app/dir_0/
RUN echo step 23_35 && mkdir -p /tmp/d23_35 && touch /tmp/d23_35/f
COPY src/file_23_36.txt /app/dir_2/
ARG A_23_37=default_23_37
RUN echo step 23_38 && mkdir -p /tmp/d23_38 && touch /tmp/d23_38/f
ARG A_23_39=default_23_39
ENV VAR_23_40=value_23_40 OTHER_23_40=${A_17_3}
COPY src/file_23_41.txt /app/dir_7/
COPY src/file_23_42.txt /app/dir_8/
RUN echo step 23_43 && mkdir -p /tmp/d23_43 && touch /tmp/d23_43/f
ARG A_23_44=default_23_44
COPY --from=s22 /tmp /from-23_45/
COPY src/file_23_46.txt /app/dir_12/
ENV VAR_23_47=value_23_47 OTHER_23_47=${A_11_116}
ENV VAR_23_48=value_23_48 OTHER_23_48=${A_6_93}
ENV VAR_23_49=value_23_49 OTHER_23_49=${A_1_63}
COPY --from=s22 /tmp /from-23_50/
ENV VAR_23_51=value_23_51 OTHER_23_51=${A_9_129}
USER root
WORKDIR /work/w1
COPY --from=s22 /tmp /from-23_54/
COPY src/file_23_55.txt /app/dir_4/
COPY src/file_23_56.txt /app/dir_5/
RUN echo step 23_57 && mkdir -p /tmp/d23_57 && touch /tmp/d23_57/f
USER root
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s23_59
EXPOSE 8060/tcp
RUN echo step 23_61 && mkdir -p /tmp/d23_61 && touch /tmp/d23_61/f
ARG A_23_62=default_23_62
RUN echo step 23_63 && mkdir -p /tmp/d23_63 && touch /tmp/d23_63/f
RUN echo step 23_64 && mkdir -p /tmp/d23_64 && touch /tmp/d23_64/f
WORKDIR /work/w0
WORKDIR /work/w1
RUN echo step 23_67 && mkdir -p /tmp/d23_67 && touch /tmp/d23_67/f
RUN echo step 23_68 && mkdir -p /tmp/d23_68 && touch /tmp/d23_68/f
ARG A_23_69=default_23_69
LABEL org.example.l23_70="label 23_70"
RUN echo step 23_71 && mkdir -p /tmp/d23_71 && touch /tmp/d23_71/f
RUN echo step 23_72 && mkdir -p /tmp/d23_72 && touch /tmp/d23_72/f
RUN echo step 23_73 && mkdir -p /tmp/d23_73 && touch /tmp/d23_73/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s23_74
ARG A_23_75=default_23_75
RUN echo step 23_76 && mkdir -p /tmp/d23_76 && touch /tmp/d23_76/f
LABEL org.example.l23_77="label 23_77"
COPY src/file_23_78.txt /app/dir_10/
COPY src/file_23_79.txt /app/dir_11/
COPY src/file_23_80.txt /app/dir_12/
RUN echo step 23_81 && mkdir -p /tmp/d23_81 && touch /tmp/d23_81/f
LABEL org.example.l23_82="label 23_82"
EXPOSE 8083/tcp
RUN echo step 23_84 && mkdir -p /tmp/d23_84 && touch /tmp/d23_84/f
WORKDIR /work/w7
LABEL org.example.l23_86="label 23_86"
RUN echo step 23_87 && mkdir -p /tmp/d23_87 && touch /tmp/d23_87/f
COPY src/file_23_88.txt /app/dir_3/
COPY src/file_23_89.txt /app/dir_4/
RUN echo step 23_90 && mkdir -p /tmp/d23_90 && touch /tmp/d23_90/f
COPY src/file_23_91.txt /app/dir_6/
ARG A_23_92=default_23_92
RUN echo step 23_93 && mkdir -p /tmp/d23_93 && touch /tmp/d23_93/f
WORKDIR /work/w3
LABEL org.example.l23_95="label 23_95"
WORKDIR /work/w5
COPY src/file_23_97.txt /app/dir_12/
COPY src/file_23_98.txt /app/dir_13/
ARG A_23_99=default_23_99
LABEL org.example.l23_100="label 23_100"
COPY src/file_23_101.txt /app/dir_16/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s23_102
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s23_103
RUN echo step 23_104 && mkdir -p /tmp/d23_104 && touch /tmp/d23_104/f
COPY src/file_23_105.txt /app/dir_3/
LABEL org.example.l23_106="label 23_106"
ENV VAR_23_107=value_23_107 OTHER_23_107=${A_11_29}
RUN echo step 23_108 && mkdir -p /tmp/d23_108 && touch /tmp/d23_108/f
RUN echo step 23_109 && mkdir -p /tmp/d23_109 && touch /tmp/d23_109/f
RUN echo step 23_110 && mkdir -p /tmp/d23_110 && touch /tmp/d23_110/f
COPY --from=s22 /tmp /from-23_111/
COPY src/file_23_112.txt /app/dir_10/
LABEL org.example.l23_113="label 23_113"
COPY src/file_23_114.txt /app/dir_12/
WORKDIR /work/w11
RUN echo step 23_116 && mkdir -p /tmp/d23_116 && touch /tmp/d23_116/f
COPY src/file_23_117.txt /app/dir_15/
COPY src/file_23_118.txt /app/dir_16/
ARG A_23_119=default_23_119
ENV VAR_23_120=value_23_120 OTHER_23_120=${A_5_163}
LABEL org.example.l23_121="label 23_121"
RUN echo step 23_122 && mkdir -p /tmp/d23_122 && touch /tmp/d23_122/f
COPY src/file_23_123.txt /app/dir_4/
COPY --from=s22 /tmp /from-23_124/
COPY src/file_23_125.txt /app/dir_6/
COPY src/file_23_126.txt /app/dir_7/
RUN echo step 23_127 && mkdir -p /tmp/d23_127 && touch /tmp/d23_127/f
RUN echo step 23_128 && mkdir -p /tmp/d23_128 && touch /tmp/d23_128/f
WORKDIR /work/w12
USER root
ARG A_23_131=default_23_131
ARG A_23_132=default_23_132
LABEL org.example.l23_133="label 23_133"
EXPOSE 8134/tcp
COPY src/file_23_135.txt /app/dir_16/
WORKDIR /work/w6
COPY src/file_23_137.txt /app/dir_1/
COPY --from=s22 /tmp /from-23_138/
RUN echo step 23_139 && mkdir -p /tmp/d23_139 && touch /tmp/d23_139/f
ARG A_23_140=default_23_140
COPY src/file_23_141.txt /app/dir_5/
WORKDIR /work/w12
ENV VAR_23_143=value_23_143 OTHER_23_143=${A_8_74}
RUN echo step 23_144 && mkdir -p /tmp/d23_144 && touch /tmp/d23_144/f
RUN echo step 23_145 && mkdir -p /tmp/d23_145 && touch /tmp/d23_145/f
RUN echo step 23_146 && mkdir -p /tmp/d23_146 && touch /tmp/d23_146/f
LABEL org.example.l23_147="label 23_147"
ENV VAR_23_148=value_23_148 OTHER_23_148=${A_12_38}
ARG A_23_149=default_23_149
COPY src/file_23_150.txt /app/dir_14/
COPY src/file_23_151.txt /app/dir_15/
ENV VAR_23_152=value_23_152 OTHER_23_152=${A_10_32}
WORKDIR /work/w10
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s23_154
RUN echo step 23_155 && mkdir -p /tmp/d23_155 && touch /tmp/d23_155/f
ARG A_23_156=default_23_156
ENV VAR_23_157=value_23_157 OTHER_23_157=${A_20_195}
RUN echo step 23_158 && mkdir -p /tmp/d23_158 && touch /tmp/d23_158/f
LABEL org.example.l23_159="label 23_159"
ENV VAR_23_160=value_23_160 OTHER_23_160=${A_21_145}
COPY src/file_23_161.txt /app/dir_8/
COPY --from=s22 /tmp /from-23_162/
LABEL org.example.l23_163="label 23_163"
RUN echo step 23_164 && mkdir -p /tmp/d23_164 && touch /tmp/d23_164/f
RUN echo step 23_165 && mkdir -p /tmp/d23_165 && touch /tmp/d23_165/f
WORKDIR /work/w10
ENV VAR_23_167=value_23_167 OTHER_23_167=${A_10_59}
RUN echo step 23_168 && mkdir -p /tmp/d23_168 && touch /tmp/d23_168/f
COPY src/file_23_169.txt /app/dir_16/
ENV VAR_23_170=value_23_170 OTHER_23_170=${A_14_95}
ENV VAR_23_171=value_23_171 OTHER_23_171=${A_6_43}
RUN echo step 23_172 && mkdir -p /tmp/d23_172 && touch /tmp/d23_172/f
USER root
COPY --from=s22 /tmp /from-23_174/
ENV VAR_23_175=value_23_175 OTHER_23_175=${A_6_120}
ENV VAR_23_176=value_23_176 OTHER_23_176=${A_12_88}
LABEL org.example.l23_177="label 23_177"
COPY src/file_23_178.txt /app/dir_8/
LABEL org.example.l23_179="label 23_179"
RUN echo step 23_180 && mkdir -p /tmp/d23_180 && touch /tmp/d23_180/f
WORKDIR /work/w12
ENV VAR_23_182=value_23_182 OTHER_23_182=${A_17_52}
COPY src/file_23_183.txt /app/dir_13/
LABEL org.example.l23_184="label 23_184"
COPY src/file_23_185.txt /app/dir_15/
RUN echo step 23_186 && mkdir -p /tmp/d23_186 && touch /tmp/d23_186/f
USER root
ENV VAR_23_188=value_23_188 OTHER_23_188=${A_11_116}
RUN echo step 23_189 && mkdir -p /tmp/d23_189 && touch /tmp/d23_189/f
RUN echo step 23_190 && mkdir -p /tmp/d23_190 && touch /tmp/d23_190/f
ARG A_23_191=default_23_191
RUN echo step 23_192 && mkdir -p /tmp/d23_192 && touch /tmp/d23_192/f
RUN echo step 23_193 && mkdir -p /tmp/d23_193 && touch /tmp/d23_193/f
EXPOSE 8194/tcp
ARG A_23_195=default_23_195
EXPOSE 8196/tcp
USER root
COPY src/file_23_198.txt /app/dir_11/
COPY src/file_23_199.txt /app/dir_12/
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s24
EXPOSE 8000/tcp
COPY --from=s23 /tmp /from-24_1/
WORKDIR /work/w2
COPY --from=s23 /tmp /from-24_3/
COPY src/file_24_4.txt /app/dir_4/
ENV VAR_24_5=value_24_5 OTHER_24_5=${A_3_10}
ARG A_24_6=default_24_6
ENV VAR_24_7=value_24_7 OTHER_24_7=${A_12_162}
RUN echo step 24_8 && mkdir -p /tmp/d24_8 && touch /tmp/d24_8/f
LABEL org.example.l24_9="label 24_9"
COPY src/file_24_10.txt /app/dir_10/
RUN echo step 24_11 && mkdir -p /tmp/d24_11 && touch /tmp/d24_11/f
USER root
ARG A_24_13=default_24_13
RUN echo step 24_14 && mkdir -p /tmp/d24_14 && touch /tmp/d24_14/f
RUN echo step 24_15 && mkdir -p /tmp/d24_15 && touch /tmp/d24_15/f
WORKDIR /work/w3
COPY src/file_24_17.txt /app/dir_0/
ARG A_24_18=default_24_18
COPY --from=s23 /tmp /from-24_19/
WORKDIR /work/w7
WORKDIR /work/w8
RUN echo step 24_22 && mkdir -p /tmp/d24_22 && touch /tmp/d24_22/f
RUN echo step 24_23 && mkdir -p /tmp/d24_23 && touch /tmp/d24_23/f
LABEL org.example.l24_24="label 24_24"
ENV VAR_24_25=value_24_25 OTHER_24_25=${A_22_22}
WORKDIR /work/w0
ENV VAR_24_27=value_24_27 OTHER_24_27=${A_20_140}
USER root
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s24_29
ENV VAR_24_30=value_24_30 OTHER_24_30=${A_20_195}
COPY src/file_24_31.txt /app/dir_14/
WORKDIR /work/w6
RUN echo step 24_33 && mkdir -p /tmp/d24_33 && touch /tmp/d24_33/f
EXPOSE 8034/tcp
WORKDIR /work/w9
RUN echo step 24_36 && mkdir -p /tmp/d24_36 && touch /tmp/d24_36/f
ARG A_24_37=default_24_37
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s24_38
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s24_39
RUN echo step 24_40 && mkdir -p /tmp/d24_40 && touch /tmp/d24_40/f
RUN echo step 24_41 && mkdir -p /tmp/d24_41 && touch /tmp/d24_41/f
LABEL org.example.l24_42="label 24_42"
COPY src/file_24_43.txt /app/dir_9/
RUN echo step 24_44 && mkdir -p /tmp/d24_44 && touch /tmp/d24_44/f
COPY src/file_24_45.txt /app/dir_11/
WORKDIR /work/w7
COPY src/file_24_47.txt /app/dir_13/
ENV VAR_24_48=value_24_48 OTHER_24_48=${A_6_90}
COPY --from=s23 /tmp /from-24_49/
WORKDIR /work/w11
RUN echo step 24_51 && mkdir -p /tmp/d24_51 && touch /tmp/d24_51/f
ENV VAR_24_52=value_24_52 OTHER_24_52=${A_17_7}
RUN echo step 24_53 && mkdir -p /tmp/d24_53 && touch /tmp/d24_53/f
ARG A_24_54=default_24_54
ARG A_24_55=default_24_55
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s24_56
COPY src/file_24_57.txt /app/dir_6/
LABEL org.example.l24_58="label 24_58"
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s24_59
ENV VAR_24_60=value_24_60 OTHER_24_60=${A_18_166}
COPY src/file_24_61.txt /app/dir_10/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s24_62
COPY src/file_24_63.txt /app/dir_12/
LABEL org.example.l24_64="label 24_64"
RUN echo step 24_65 && mkdir -p /tmp/d24_65 && touch /tmp/d24_65/f
COPY src/file_24_66.txt /app/dir_15/
COPY src/file_24_67.txt /app/dir_16/
ENV VAR_24_68=value_24_68 OTHER_24_68=${A_8_77}
LABEL org.example.l24_69="label 24_69"
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s24_70
RUN echo step 24_71 && mkdir -p /tmp/d24_71 && touch /tmp/d24_71/f
RUN echo step 24_72 && mkdir -p /tmp/d24_72 && touch /tmp/d24_72/f
COPY src/file_24_73.txt /app/dir_5/
RUN echo step 24_74 && mkdir -p /tmp/d24_74 && touch /tmp/d24_74/f
ARG A_24_75=default_24_75
RUN echo step 24_76 && mkdir -p /tmp/d24_76 && touch /tmp/d24_76/f
COPY src/file_24_77.txt /app/dir_9/
RUN echo step 24_78 && mkdir -p /tmp/d24_78 && touch /tmp/d24_78/f
COPY src/file_24_79.txt /app/dir_11/
WORKDIR /work/w2
RUN echo step 24_81 && mkdir -p /tmp/d24_81 && touch /tmp/d24_81/f
USER root
COPY src/file_24_83.txt /app/dir_15/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s24_84
ENV VAR_24_85=value_24_85 OTHER_24_85=${A_18_166}
RUN echo step 24_86 && mkdir -p /tmp/d24_86 && touch /tmp/d24_86/f
RUN echo step 24_87 && mkdir -p /tmp/d24_87 && touch /tmp/d24_87/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s24_88
RUN echo step 24_89 && mkdir -p /tmp/d24_89 && touch /tmp/d24_89/f
ENV VAR_24_90=value_24_90 OTHER_24_90=${A_24_37}
COPY src/file_24_91.txt /app/dir_6/
ARG A_24_92=default_24_92
COPY src/file_24_93.txt /app/dir_8/
RUN echo step 24_94 && mkdir -p /tmp/d24_94 && touch /tmp/d24_94/f
ENV VAR_24_95=value_24_95 OTHER_24_95=${A_6_129}
RUN echo step 24_96 && mkdir -p /tmp/d24_96 && touch /tmp/d24_96/f
COPY src/file_24_97.txt /app/dir_12/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s24_98
RUN echo step 24_99 && mkdir -p /tmp/d24_99 && touch /tmp/d24_99/f
COPY src/file_24_100.txt /app/dir_15/
ARG A_24_101=default_24_101
COPY --from=s23 /tmp /from-24_102/
WORKDIR /work/w12
ENV VAR_24_104=value_24_104 OTHER_24_104=${A_10_114}
WORKDIR /work/w1
COPY --from=s23 /tmp /from-24_106/
ENV VAR_24_107=value_24_107 OTHER_24_107=${A_22_44}
ENV VAR_24_108=value_24_108 OTHER_24_108=${A_4_199}
COPY src/file_24_109.txt /app/dir_7/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s24_110
LABEL org.example.l24_111="label 24_111"
COPY src/file_24_112.txt /app/dir_10/
ENV VAR_24_113=value_24_113 OTHER_24_113=${A_6_15}
USER root
RUN echo step 24_115 && mkdir -p /tmp/d24_115 && touch /tmp/d24_115/f
COPY src/file_24_116.txt /app/dir_14/
LABEL org.example.l24_117="label 24_117"
EXPOSE 8118/tcp
COPY src/file_24_119.txt /app/dir_0/
COPY src/file_24_120.txt /app/dir_1/
ARG A_24_121=default_24_121
ENV VAR_24_122=value_24_122 OTHER_24_122=${A_20_143}
RUN echo step 24_123 && mkdir -p /tmp/d24_123 && touch /tmp/d24_123/f
RUN echo step 24_124 && mkdir -p /tmp/d24_124 && touch /tmp/d24_124/f
COPY src/file_24_125.txt /app/dir_6/
ENV VAR_24_126=value_24_126 OTHER_24_126=${A_21_125}
RUN echo step 24_127 && mkdir -p /tmp/d24_127 && touch /tmp/d24_127/f
WORKDIR /work/w11
COPY src/file_24_129.txt /app/dir_10/
COPY src/file_24_130.txt /app/dir_11/
EXPOSE 8131/tcp
ARG A_24_132=default_24_132
LABEL org.example.l24_133="label 24_133"
EXPOSE 8134/tcp
RUN echo step 24_135 && mkdir -p /tmp/d24_135 && touch /tmp/d24_135/f
ENV VAR_24_136=value_24_136 OTHER_24_136=${A_9_129}
RUN echo step 24_137 && mkdir -p /tmp/d24_137 && touch /tmp/d24_137/f
ARG A_24_138=default_24_138
ARG A_24_139=default_24_139
EXPOSE 8140/tcp
WORKDIR /work/w11
RUN echo step 24_142 && mkdir -p /tmp/d24_142 && touch /tmp/d24_142/f
RUN echo step 24_143 && mkdir -p /tmp/d24_143 && touch /tmp/d24_143/f
ENV VAR_24_144=value_24_144 OTHER_24_144=${A_22_175}
COPY src/file_24_145.txt /app/dir_9/
COPY src/file_24_146.txt /app/dir_10/
COPY src/file_24_147.txt /app/dir_11/
RUN echo step 24_148 && mkdir -p /tmp/d24_148 && touch /tmp/d24_148/f
ARG A_24_149=default_24_149
RUN echo step 24_150 && mkdir -p /tmp/d24_150 && touch /tmp/d24_150/f
COPY --from=s23 /tmp /from-24_151/
EXPOSE 8152/tcp
ARG A_24_153=default_24_153
COPY src/file_24_154.txt /app/dir_1/
RUN echo step 24_155 && mkdir -p /tmp/d24_155 && touch /tmp/d24_155/f
ARG A_24_156=default_24_156
USER root
ARG A_24_158=default_24_158
EXPOSE 8159/tcp
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s24_160
LABEL org.example.l24_161="label 24_161"
RUN echo step 24_162 && mkdir -p /tmp/d24_162 && touch /tmp/d24_162/f
COPY --from=s23 /tmp /from-24_163/
LABEL org.example.l24_164="label 24_164"
WORKDIR /work/w9
ENV VAR_24_166=value_24_166 OTHER_24_166=${A_8_163}
WORKDIR /work/w11
RUN echo step 24_168 && mkdir -p /tmp/d24_168 && touch /tmp/d24_168/f
ARG A_24_169=default_24_169
RUN echo step 24_170 && mkdir -p /tmp/d24_170 && touch /tmp/d24_170/f
ENV VAR_24_171=value_24_171 OTHER_24_171=${A_23_195}
LABEL org.example.l24_172="label 24_172"
COPY src/file_24_173.txt /app/dir_3/
ENV VAR_24_174=value_24_174 OTHER_24_174=${A_17_60}
RUN echo step 24_175 && mkdir -p /tmp/d24_175 && touch /tmp/d24_175/f
RUN echo step 24_176 && mkdir -p /tmp/d24_176 && touch /tmp/d24_176/f
ENV VAR_24_177=value_24_177 OTHER_24_177=${A_23_69}
ARG A_24_178=default_24_178
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s24_179
ENV VAR_24_180=value_24_180 OTHER_24_180=${A_21_14}
RUN echo step 24_181 && mkdir -p /tmp/d24_181 && touch /tmp/d24_181/f
RUN echo step 24_182 && mkdir -p /tmp/d24_182 && touch /tmp/d24_182/f
COPY src/file_24_183.txt /app/dir_13/
COPY src/file_24_184.txt /app/dir_14/
RUN echo step 24_185 && mkdir -p /tmp/d24_185 && touch /tmp/d24_185/f
COPY src/file_24_186.txt /app/dir_16/
ARG A_24_187=default_24_187
ARG A_24_188=default_24_188
COPY --from=s23 /tmp /from-24_189/
WORKDIR /work/w8
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s24_191
RUN echo step 24_192 && mkdir -p /tmp/d24_192 && touch /tmp/d24_192/f
LABEL org.example.l24_193="label 24_193"
ENV VAR_24_194=value_24_194 OTHER_24_194=${A_22_48}
RUN echo step 24_195 && mkdir -p /tmp/d24_195 && touch /tmp/d24_195/f
ARG A_24_196=default_24_196
RUN echo step 24_197 && mkdir -p /tmp/d24_197 && touch /tmp/d24_197/f
RUN echo step 24_198 && mkdir -p /tmp/d24_198 && touch /tmp/d24_198/f
RUN echo step 24_199 && mkdir -p /tmp/d24_199 && touch /tmp/d24_199/f
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s25
RUN echo step 25_0 && mkdir -p /tmp/d25_0 && touch /tmp/d25_0/f
COPY src/file_25_1.txt /app/dir_1/
ENV VAR_25_2=value_25_2 OTHER_25_2=${A_5_196}
RUN echo step 25_3 && mkdir -p /tmp/d25_3 && touch /tmp/d25_3/f
COPY --from=s24 /tmp /from-25_4/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s25_5
ENV VAR_25_6=value_25_6 OTHER_25_6=${A_13_53}
ARG A_25_7=default_25_7
COPY src/file_25_8.txt /app/dir_8/
LABEL org.example.l25_9="label 25_9"
COPY src/file_25_10.txt /app/dir_10/
ARG A_25_11=default_25_11
RUN echo step 25_12 && mkdir -p /tmp/d25_12 && touch /tmp/d25_12/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s25_13
WORKDIR /work/w1
RUN echo step 25_15 && mkdir -p /tmp/d25_15 && touch /tmp/d25_15/f
ENV VAR_25_16=value_25_16 OTHER_25_16=${A_20_69}
ARG A_25_17=default_25_17
LABEL org.example.l25_18="label 25_18"
LABEL org.example.l25_19="label 25_19"
COPY src/file_25_20.txt /app/dir_3/
COPY src/file_25_21.txt /app/dir_4/
ENV VAR_25_22=value_25_22 OTHER_25_22=${A_18_2}
COPY --from=s24 /tmp /from-25_23/
ENV VAR_25_24=value_25_24 OTHER_25_24=${A_7_129}
ARG A_25_25=default_25_25
LABEL org.example.l25_26="label 25_26"
COPY src/file_25_27.txt /app/dir_10/
LABEL org.example.l25_28="label 25_28"
ARG A_25_29=default_25_29
ENV VAR_25_30=value_25_30 OTHER_25_30=${A_14_102}
ARG A_25_31=default_25_31
LABEL org.example.l25_32="label 25_32"
COPY --from=s24 /tmp /from-25_33/
RUN echo step 25_34 && mkdir -p /tmp/d25_34 && touch /tmp/d25_34/f
COPY src/file_25_35.txt /app/dir_1/
COPY src/file_25_36.txt /app/dir_2/
ENV VAR_25_37=value_25_37 OTHER_25_37=${A_22_161}
ENV VAR_25_38=value_25_38 OTHER_25_38=${A_21_104}
RUN echo step 25_39 && mkdir -p /tmp/d25_39 && touch /tmp/d25_39/f
ENV VAR_25_40=value_25_40 OTHER_25_40=${A_6_117}
ARG A_25_41=default_25_41
ENV VAR_25_42=value_25_42 OTHER_25_42=${A_22_188}
WORKDIR /work/w4
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s25_44
RUN echo step 25_45 && mkdir -p /tmp/d25_45 && touch /tmp/d25_45/f
ARG A_25_46=default_25_46
RUN echo step 25_47 && mkdir -p /tmp/d25_47 && touch /tmp/d25_47/f
RUN echo step 25_48 && mkdir -p /tmp/d25_48 && touch /tmp/d25_48/f
COPY src/file_25_49.txt /app/dir_15/
COPY src/file_25_50.txt /app/dir_16/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s25_51
RUN echo step 25_52 && mkdir -p /tmp/d25_52 && touch /tmp/d25_52/f
RUN echo step 25_53 && mkdir -p /tmp/d25_53 && touch /tmp/d25_53/f
COPY src/file_25_54.txt /app/dir_3/
LABEL org.example.l25_55="label 25_55"
COPY src/file_25_56.txt /app/dir_5/
COPY --from=s24 /tmp /from-25_57/
COPY src/file_25_58.txt /app/dir_7/
ARG A_25_59=default_25_59
ENV VAR_25_60=value_25_60 OTHER_25_60=${A_6_75}
RUN echo step 25_61 && mkdir -p /tmp/d25_61 && touch /tmp/d25_61/f
RUN echo step 25_62 && mkdir -p /tmp/d25_62 && touch /tmp/d25_62/f
LABEL org.example.l25_63="label 25_63"
RUN echo step 25_64 && mkdir -p /tmp/d25_64 && touch /tmp/d25_64/f
COPY src/file_25_65.txt /app/dir_14/
ENV VAR_25_66=value_25_66 OTHER_25_66=${A_11_61}
COPY --from=s24 /tmp /from-25_67/
RUN echo step 25_68 && mkdir -p /tmp/d25_68 && touch /tmp/d25_68/f
ENV VAR_25_69=value_25_69 OTHER_25_69=${A_8_8}
RUN echo step 25_70 && mkdir -p /tmp/d25_70 && touch /tmp/d25_70/f
RUN echo step 25_71 && mkdir -p /tmp/d25_71 && touch /tmp/d25_71/f
COPY src/file_25_72.txt /app/dir_4/
RUN echo step 25_73 && mkdir -p /tmp/d25_73 && touch /tmp/d25_73/f
ENV VAR_25_74=value_25_74 OTHER_25_74=${A_9_105}
RUN echo step 25_75 && mkdir -p /tmp/d25_75 && touch /tmp/d25_75/f
RUN echo step 25_76 && mkdir -p /tmp/d25_76 && touch /tmp/d25_76/f
EXPOSE 8077/tcp
ENV VAR_25_78=value_25_78 OTHER_25_78=${A_12_65}
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s25_79
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s25_80
ENV VAR_25_81=value_25_81 OTHER_25_81=${A_13_125}
COPY src/file_25_82.txt /app/dir_14/
RUN echo step 25_83 && mkdir -p /tmp/d25_83 && touch /tmp/d25_83/f
LABEL org.example.l25_84="label 25_84"
ENV VAR_25_85=value_25_85 OTHER_25_85=${A_1_81}
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s25_86
LABEL org.example.l25_87="label 25_87"
COPY src/file_25_88.txt /app/dir_3/
LABEL org.example.l25_89="label 25_89"
RUN echo step 25_90 && mkdir -p /tmp/d25_90 && touch /tmp/d25_90/f
COPY src/file_25_91.txt /app/dir_6/
ENV VAR_25_92=value_25_92 OTHER_25_92=${A_22_81}
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s25_93
USER root
LABEL org.example.l25_95="label 25_95"
COPY src/file_25_96.txt /app/dir_11/
COPY --from=s24 /tmp /from-25_97/
COPY src/file_25_98.txt /app/dir_13/
RUN echo step 25_99 && mkdir -p /tmp/d25_99 && touch /tmp/d25_99/f
RUN echo step 25_100 && mkdir -p /tmp/d25_100 && touch /tmp/d25_100/f
COPY src/file_25_101.txt /app/dir_16/
COPY --from=s24 /tmp /from-25_102/
ENV VAR_25_103=value_25_103 OTHER_25_103=${A_14_111}
LABEL org.example.l25_104="label 25_104"
USER root
WORKDIR /work/w2
RUN echo step 25_107 && mkdir -p /tmp/d25_107 && touch /tmp/d25_107/f
ARG A_25_108=default_25_108
USER root
WORKDIR /work/w6
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s25_111
COPY src/file_25_112.txt /app/dir_10/
RUN echo step 25_113 && mkdir -p /tmp/d25_113 && touch /tmp/d25_113/f
COPY src/file_25_114.txt /app/dir_12/
LABEL org.example.l25_115="label 25_115"
ENV VAR_25_116=value_25_116 OTHER_25_116=${A_1_63}
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s25_117
LABEL org.example.l25_118="label 25_118"
EXPOSE 8119/tcp
ARG A_25_120=default_25_120
WORKDIR /work/w4
RUN echo step 25_122 && mkdir -p /tmp/d25_122 && touch /tmp/d25_122/f
WORKDIR /work/w6
RUN echo step 25_124 && mkdir -p /tmp/d25_124 && touch /tmp/d25_124/f
ARG A_25_125=default_25_125
ENV VAR_25_126=value_25_126 OTHER_25_126=${A_8_74}
COPY --from=s24 /tmp /from-25_127/
LABEL org.example.l25_128="label 25_128"
RUN echo step 25_129 && mkdir -p /tmp/d25_129 && touch /tmp/d25_129/f
RUN echo step 25_130 && mkdir -p /tmp/d25_130 && touch /tmp/d25_130/f
ENV VAR_25_131=value_25_131 OTHER_25_131=${A_13_185}
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s25_132
COPY src/file_25_133.txt /app/dir_14/
COPY --from=s24 /tmp /from-25_134/
RUN echo step 25_135 && mkdir -p /tmp/d25_135 && touch /tmp/d25_135/f
COPY src/file_25_136.txt /app/dir_0/
ENV VAR_25_137=value_25_137 OTHER_25_137=${A_24_6}
ENV VAR_25_138=value_25_138 OTHER_25_138=${A_9_124}
RUN echo step 25_139 && mkdir -p /tmp/d25_139 && touch /tmp/d25_139/f
COPY src/file_25_140.txt /app/dir_4/
COPY src/file_25_141.txt /app/dir_5/
WORKDIR /work/w12
COPY src/file_25_143.txt /app/dir_7/
ENV VAR_25_144=value_25_144 OTHER_25_144=${A_0_158}
ARG A_25_145=default_25_145
ARG A_25_146=default_25_146
ENV VAR_25_147=value_25_147 OTHER_25_147=${A_3_10}
RUN echo step 25_148 && mkdir -p /tmp/d25_148 && touch /tmp/d25_148/f
RUN echo step 25_149 && mkdir -p /tmp/d25_149 && touch /tmp/d25_149/f
ENV VAR_25_150=value_25_150 OTHER_25_150=${A_9_13}
COPY src/file_25_151.txt /app/dir_15/
RUN echo step 25_152 && mkdir -p /tmp/d25_152 && touch /tmp/d25_152/f
LABEL org.example.l25_153="label 25_153"
LABEL org.example.l25_154="label 25_154"
COPY src/file_25_155.txt /app/dir_2/
ENV VAR_25_156=value_25_156 OTHER_25_156=${A_22_131}
USER root
RUN echo step 25_158 && mkdir -p /tmp/d25_158 && touch /tmp/d25_158/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s25_159
LABEL org.example.l25_160="label 25_160"
ENV VAR_25_161=value_25_161 OTHER_25_161=${A_3_119}
ENV VAR_25_162=value_25_162 OTHER_25_162=${A_1_151}
RUN echo step 25_163 && mkdir -p /tmp/d25_163 && touch /tmp/d25_163/f
ARG A_25_164=default_25_164
COPY src/file_25_165.txt /app/dir_12/
COPY src/file_25_166.txt /app/dir_13/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s25_167
LABEL org.example.l25_168="label 25_168"
RUN echo step 25_169 && mkdir -p /tmp/d25_169 && touch /tmp/d25_169/f
ENV VAR_25_170=value_25_170 OTHER_25_170=${A_14_90}
RUN echo step 25_171 && mkdir -p /tmp/d25_171 && touch /tmp/d25_171/f
LABEL org.example.l25_172="label 25_172"
LABEL org.example.l25_173="label 25_173"
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s25_174
ENV VAR_25_175=value_25_175 OTHER_25_175=${A_24_13}
RUN echo step 25_176 && mkdir -p /tmp/d25_176 && touch /tmp/d25_176/f
WORKDIR /work/w8
WORKDIR /work/w9
WORKDIR /work/w10
COPY src/file_25_180.txt /app/dir_10/
LABEL org.example.l25_181="label 25_181"
LABEL org.example.l25_182="label 25_182"
LABEL org.example.l25_183="label 25_183"
COPY --from=s24 /tmp /from-25_184/
RUN echo step 25_185 && mkdir -p /tmp/d25_185 && touch /tmp/d25_185/f
RUN echo step 25_186 && mkdir -p /tmp/d25_186 && touch /tmp/d25_186/f
RUN echo step 25_187 && mkdir -p /tmp/d25_187 && touch /tmp/d25_187/f
LABEL org.example.l25_188="label 25_188"
RUN echo step 25_189 && mkdir -p /tmp/d25_189 && touch /tmp/d25_189/f
RUN echo step 25_190 && mkdir -p /tmp/d25_190 && touch /tmp/d25_190/f
EXPOSE 8191/tcp
COPY src/file_25_192.txt /app/dir_5/
COPY src/file_25_193.txt /app/dir_6/
ENV VAR_25_194=value_25_194 OTHER_25_194=${A_17_34}
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s25_195
COPY src/file_25_196.txt /app/dir_9/
RUN echo step 25_197 && mkdir -p /tmp/d25_197 && touch /tmp/d25_197/f
ENV VAR_25_198=value_25_198 OTHER_25_198=${A_25_125}
COPY src/file_25_199.txt /app/dir_12/
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s26
WORKDIR /work/w0
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s26_1
EXPOSE 8002/tcp
RUN echo step 26_3 && mkdir -p /tmp/d26_3 && touch /tmp/d26_3/f
ARG A_26_4=default_26_4
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s26_5
LABEL org.example.l26_6="label 26_6"
COPY src/file_26_7.txt /app/dir_7/
ARG A_26_8=default_26_8
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s26_9
RUN echo step 26_10 && mkdir -p /tmp/d26_10 && touch /tmp/d26_10/f
RUN echo step 26_11 && mkdir -p /tmp/d26_11 && touch /tmp/d26_11/f
COPY --from=s25 /tmp /from-26_12/
EXPOSE 8013/tcp
RUN echo step 26_14 && mkdir -p /tmp/d26_14 && touch /tmp/d26_14/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s26_15
ARG A_26_16=default_26_16
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s26_17
RUN echo step 26_18 && mkdir -p /tmp/d26_18 && touch /tmp/d26_18/f
USER root
LABEL org.example.l26_20="label 26_20"
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s26_21
RUN echo step 26_22 && mkdir -p /tmp/d26_22 && touch /tmp/d26_22/f
RUN echo step 26_23 && mkdir -p /tmp/d26_23 && touch /tmp/d26_23/f
RUN echo step 26_24 && mkdir -p /tmp/d26_24 && touch /tmp/d26_24/f
ENV VAR_26_25=value_26_25 OTHER_26_25=${A_16_21}
COPY src/file_26_26.txt /app/dir_9/
USER root
RUN echo step 26_28 && mkdir -p /tmp/d26_28 && touch /tmp/d26_28/f
COPY src/file_26_29.txt /app/dir_12/
LABEL org.example.l26_30="label 26_30"
COPY src/file_26_31.txt /app/dir_14/
COPY src/file_26_32.txt /app/dir_15/
EXPOSE 8033/tcp
COPY src/file_26_34.txt /app/dir_0/
COPY --from=s25 /tmp /from-26_35/
LABEL org.example.l26_36="label 26_36"
COPY src/file_26_37.txt /app/dir_3/
RUN echo step 26_38 && mkdir -p /tmp/d26_38 && touch /tmp/d26_38/f
WORKDIR /work/w0
WORKDIR /work/w1
COPY src/file_26_41.txt /app/dir_7/
COPY src/file_26_42.txt /app/dir_8/
COPY src/file_26_43.txt /app/dir_9/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s26_44
ARG A_26_45=default_26_45
ARG A_26_46=default_26_46
RUN echo step 26_47 && mkdir -p /tmp/d26_47 && touch /tmp/d26_47/f
ARG A_26_48=default_26_48
WORKDIR /work/w10
ENV VAR_26_50=value_26_50 OTHER_26_50=${A_4_175}
ENV VAR_26_51=value_26_51 OTHER_26_51=${A_17_60}
ARG A_26_52=default_26_52
COPY src/file_26_53.txt /app/dir_2/
WORKDIR /work/w2
COPY src/file_26_55.txt /app/dir_4/
LABEL org.example.l26_56="label 26_56"
LABEL org.example.l26_57="label 26_57"
RUN echo step 26_58 && mkdir -p /tmp/d26_58 && touch /tmp/d26_58/f
ENV VAR_26_59=value_26_59 OTHER_26_59=${A_13_53}
ARG A_26_60=default_26_60
RUN echo step 26_61 && mkdir -p /tmp/d26_61 && touch /tmp/d26_61/f
RUN echo step 26_62 && mkdir -p /tmp/d26_62 && touch /tmp/d26_62/f
RUN echo step 26_63 && mkdir -p /tmp/d26_63 && touch /tmp/d26_63/f
COPY src/file_26_64.txt /app/dir_13/
ENV VAR_26_65=value_26_65 OTHER_26_65=${A_6_120}
RUN echo step 26_66 && mkdir -p /tmp/d26_66 && touch /tmp/d26_66/f
LABEL org.example.l26_67="label 26_67"
RUN echo step 26_68 && mkdir -p /tmp/d26_68 && touch /tmp/d26_68/f
RUN echo step 26_69 && mkdir -p /tmp/d26_69 && touch /tmp/d26_69/f
RUN echo step 26_70 && mkdir -p /tmp/d26_70 && touch /tmp/d26_70/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s26_71
ENV VAR_26_72=value_26_72 OTHER_26_72=${A_14_24}
LABEL org.example.l26_73="label 26_73"
USER root
WORKDIR /work/w10
USER root
COPY --from=s25 /tmp /from-26_77/
ENV VAR_26_78=value_26_78 OTHER_26_78=${A_25_25}
RUN echo step 26_79 && mkdir -p /tmp/d26_79 && touch /tmp/d26_79/f
RUN echo step 26_80 && mkdir -p /tmp/d26_80 && touch /tmp/d26_80/f
RUN echo step 26_81 && mkdir -p /tmp/d26_81 && touch /tmp/d26_81/f
COPY --from=s25 /tmp /from-26_82/
RUN echo step 26_83 && mkdir -p /tmp/d26_83 && touch /tmp/d26_83/f
ENV VAR_26_84=value_26_84 OTHER_26_84=${A_12_88}
ARG A_26_85=default_26_85
RUN echo step 26_86 && mkdir -p /tmp/d26_86 && touch /tmp/d26_86/f
LABEL org.example.l26_87="label 26_87"
RUN echo step 26_88 && mkdir -p /tmp/d26_88 && touch /tmp/d26_88/f
ARG A_26_89=default_26_89
COPY src/file_26_90.txt /app/dir_5/
RUN echo step 26_91 && mkdir -p /tmp/d26_91 && touch /tmp/d26_91/f
COPY src/file_26_92.txt /app/dir_7/
RUN echo step 26_93 && mkdir -p /tmp/d26_93 && touch /tmp/d26_93/f
RUN echo step 26_94 && mkdir -p /tmp/d26_94 && touch /tmp/d26_94/f
EXPOSE 8095/tcp
COPY src/file_26_96.txt /app/dir_11/
RUN echo step 26_97 && mkdir -p /tmp/d26_97 && touch /tmp/d26_97/f
WORKDIR /work/w7
EXPOSE 8099/tcp
WORKDIR /work/w9
ENV VAR_26_101=value_26_101 OTHER_26_101=${A_10_94}
LABEL org.example.l26_102="label 26_102"
COPY src/file_26_103.txt /app/dir_1/
EXPOSE 8104/tcp
LABEL org.example.l26_105="label 26_105"
LABEL org.example.l26_106="label 26_106"
RUN echo step 26_107 && mkdir -p /tmp/d26_107 && touch /tmp/d26_107/f
RUN echo step 26_108 && mkdir -p /tmp/d26_108 && touch /tmp/d26_108/f
RUN echo step 26_109 && mkdir -p /tmp/d26_109 && touch /tmp/d26_109/f
RUN echo step 26_110 && mkdir -p /tmp/d26_110 && touch /tmp/d26_110/f
RUN echo step 26_111 && mkdir -p /tmp/d26_111 && touch /tmp/d26_111/f
COPY --from=s25 /tmp /from-26_112/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s26_113
ARG A_26_114=default_26_114
ENV VAR_26_115=value_26_115 OTHER_26_115=${A_22_131}
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s26_116
COPY --from=s25 /tmp /from-26_117/
ENV VAR_26_118=value_26_118 OTHER_26_118=${A_4_27}
ARG A_26_119=default_26_119
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s26_120
ARG A_26_121=default_26_121
WORKDIR /work/w5
COPY src/file_26_123.txt /app/dir_4/
RUN echo step 26_124 && mkdir -p /tmp/d26_124 && touch /tmp/d26_124/f
ENV VAR_26_125=value_26_125 OTHER_26_125=${A_24_187}
ARG A_26_126=default_26_126
USER root
ARG A_26_128=default_26_128
ENV VAR_26_129=value_26_129 OTHER_26_129=${A_14_36}
ENV VAR_26_130=value_26_130 OTHER_26_130=${A_26_52}
RUN echo step 26_131 && mkdir -p /tmp/d26_131 && touch /tmp/d26_131/f
RUN echo step 26_132 && mkdir -p /tmp/d26_132 && touch /tmp/d26_132/f
EXPOSE 8133/tcp
RUN echo step 26_134 && mkdir -p /tmp/d26_134 && touch /tmp/d26_134/f
COPY src/file_26_135.txt /app/dir_16/
COPY src/file_26_136.txt /app/dir_0/
RUN echo step 26_137 && mkdir -p /tmp/d26_137 && touch /tmp/d26_137/f
LABEL org.example.l26_138="label 26_138"
LABEL org.example.l26_139="label 26_139"
RUN echo step 26_140 && mkdir -p /tmp/d26_140 && touch /tmp/d26_140/f
RUN echo step 26_141 && mkdir -p /tmp/d26_141 && touch /tmp/d26_141/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s26_142
RUN echo step 26_143 && mkdir -p /tmp/d26_143 && touch /tmp/d26_143/f
WORKDIR /work/w1
RUN echo step 26_145 && mkdir -p /tmp/d26_145 && touch /tmp/d26_145/f
USER root
ARG A_26_147=default_26_147
WORKDIR /work/w5
ENV VAR_26_149=value_26_149 OTHER_26_149=${A_3_23}
COPY src/file_26_150.txt /app/dir_14/
COPY src/file_26_151.txt /app/dir_15/
COPY src/file_26_152.txt /app/dir_16/
RUN echo step 26_153 && mkdir -p /tmp/d26_153 && touch /tmp/d26_153/f
RUN echo step 26_154 && mkdir -p /tmp/d26_154 && touch /tmp/d26_154/f
WORKDIR /work/w12
ENV VAR_26_156=value_26_156 OTHER_26_156=${A_11_96}
RUN echo step 26_157 && mkdir -p /tmp/d26_157 && touch /tmp/d26_157/f
ENV VAR_26_158=value_26_158 OTHER_26_158=${A_11_158}
RUN echo step 26_159 && mkdir -p /tmp/d26_159 && touch /tmp/d26_159/f
RUN echo step 26_160 && mkdir -p /tmp/d26_160 && touch /tmp/d26_160/f
EXPOSE 8161/tcp
RUN echo step 26_162 && mkdir -p /tmp/d26_162 && touch /tmp/d26_162/f
RUN echo step 26_163 && mkdir -p /tmp/d26_163 && touch /tmp/d26_163/f
ENV VAR_26_164=value_26_164 OTHER_26_164=${A_3_29}
RUN echo step 26_165 && mkdir -p /tmp/d26_165 && touch /tmp/d26_165/f
ENV VAR_26_166=value_26_166 OTHER_26_166=${A_22_81}
RUN echo step 26_167 && mkdir -p /tmp/d26_167 && touch /tmp/d26_167/f
RUN echo step 26_168 && mkdir -p /tmp/d26_168 && touch /tmp/d26_168/f
ENV VAR_26_169=value_26_169 OTHER_26_169=${A_22_81}
RUN echo step 26_170 && mkdir -p /tmp/d26_170 && touch /tmp/d26_170/f
COPY --from=s25 /tmp /from-26_171/
USER root
COPY src/file_26_173.txt /app/dir_3/
ENV VAR_26_174=value_26_174 OTHER_26_174=${A_26_45}
RUN echo step 26_175 && mkdir -p /tmp/d26_175 && touch /tmp/d26_175/f
RUN echo step 26_176 && mkdir -p /tmp/d26_176 && touch /tmp/d26_176/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s26_177
ENV VAR_26_178=value_26_178 OTHER_26_178=${A_14_144}
COPY --from=s25 /tmp /from-26_179/
LABEL org.example.l26_180="label 26_180"
RUN echo step 26_181 && mkdir -p /tmp/d26_181 && touch /tmp/d26_181/f
WORKDIR /work/w0
LABEL org.example.l26_183="label 26_183"
COPY src/file_26_184.txt /app/dir_14/
RUN echo step 26_185 && mkdir -p /tmp/d26_185 && touch /tmp/d26_185/f
WORKDIR /work/w4
RUN echo step 26_187 && mkdir -p /tmp/d26_187 && touch /tmp/d26_187/f
EXPOSE 8188/tcp
RUN echo step 26_189 && mkdir -p /tmp/d26_189 && touch /tmp/d26_189/f
COPY --from=s25 /tmp /from-26_190/
RUN echo step 26_191 && mkdir -p /tmp/d26_191 && touch /tmp/d26_191/f
USER root
ENV VAR_26_193=value_26_193 OTHER_26_193=${A_14_95}
COPY --from=s25 /tmp /from-26_194/
RUN echo step 26_195 && mkdir -p /tmp/d26_195 && touch /tmp/d26_195/f
RUN echo step 26_196 && mkdir -p /tmp/d26_196 && touch /tmp/d26_196/f
ENV VAR_26_197=value_26_197 OTHER_26_197=${A_22_82}
RUN echo step 26_198 && mkdir -p /tmp/d26_198 && touch /tmp/d26_198/f
RUN echo step 26_199 && mkdir -p /tmp/d26_199 && touch /tmp/d26_199/f
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s27
RUN echo step 27_0 && mkdir -p /tmp/d27_0 && touch /tmp/d27_0/f
COPY src/file_27_1.txt /app/dir_1/
EXPOSE 8002/tcp
ENV VAR_27_3=value_27_3 OTHER_27_3=${A_10_32}
COPY src/file_27_4.txt /app/dir_4/
COPY src/file_27_5.txt /app/dir_5/
COPY src/file_27_6.txt /app/dir_6/
LABEL org.example.l27_7="label 27_7"
COPY --from=s26 /tmp /from-27_8/
ARG A_27_9=default_27_9
LABEL org.example.l27_10="label 27_10"
COPY src/file_27_11.txt /app/dir_11/
COPY src/file_27_12.txt /app/dir_12/
COPY src/file_27_13.txt /app/dir_13/
COPY src/file_27_14.txt /app/dir_14/
USER root
COPY src/file_27_16.txt /app/dir_16/
RUN echo step 27_17 && mkdir -p /tmp/d27_17 && touch /tmp/d27_17/f
ENV VAR_27_18=value_27_18 OTHER_27_18=${A_24_37}
COPY src/file_27_19.txt /app/dir_2/
EXPOSE 8020/tcp
LABEL org.example.l27_21="label 27_21"
RUN echo step 27_22 && mkdir -p /tmp/d27_22 && touch /tmp/d27_22/f
WORKDIR /work/w10
WORKDIR /work/w11
COPY src/file_27_25.txt /app/dir_8/
ARG A_27_26=default_27_26
RUN echo step 27_27 && mkdir -p /tmp/d27_27 && touch /tmp/d27_27/f
COPY src/file_27_28.txt /app/dir_11/
EXPOSE 8029/tcp
ENV VAR_27_30=value_27_30 OTHER_27_30=${A_8_68}
COPY src/file_27_31.txt /app/dir_14/
ENV VAR_27_32=value_27_32 OTHER_27_32=${A_3_189}
ARG A_27_33=default_27_33
COPY src/file_27_34.txt /app/dir_0/
RUN echo step 27_35 && mkdir -p /tmp/d27_35 && touch /tmp/d27_35/f
RUN echo step 27_36 && mkdir -p /tmp/d27_36 && touch /tmp/d27_36/f
EXPOSE 8037/tcp
ENV VAR_27_38=value_27_38 OTHER_27_38=${A_10_80}
ENV VAR_27_39=value_27_39 OTHER_27_39=${A_11_116}
ENV VAR_27_40=value_27_40 OTHER_27_40=${A_9_128}
RUN echo step 27_41 && mkdir -p /tmp/d27_41 && touch /tmp/d27_41/f
ENV VAR_27_42=value_27_42 OTHER_27_42=${A_26_45}
ENV VAR_27_43=value_27_43 OTHER_27_43=${A_24_13}
RUN echo step 27_44 && mkdir -p /tmp/d27_44 && touch /tmp/d27_44/f
COPY src/file_27_45.txt /app/dir_11/
RUN echo step 27_46 && mkdir -p /tmp/d27_46 && touch /tmp/d27_46/f
COPY src/file_27_47.txt /app/dir_13/
ENV VAR_27_48=value_27_48 OTHER_27_48=${A_26_85}
EXPOSE 8049/tcp
COPY src/file_27_50.txt /app/dir_16/
ARG A_27_51=default_27_51
ENV VAR_27_52=value_27_52 OTHER_27_52=${A_25_146}
COPY --from=s26 /tmp /from-27_53/
LABEL org.example.l27_54="label 27_54"
COPY --from=s26 /tmp /from-27_55/
ARG A_27_56=default_27_56
RUN echo step 27_57 && mkdir -p /tmp/d27_57 && touch /tmp/d27_57/f
RUN echo step 27_58 && mkdir -p /tmp/d27_58 && touch /tmp/d27_58/f
COPY src/file_27_59.txt /app/dir_8/
USER root
USER root
ENV VAR_27_62=value_27_62 OTHER_27_62=${A_5_120}
WORKDIR /work/w11
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s27_64
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s27_65
COPY src/file_27_66.txt /app/dir_15/
RUN echo step 27_67 && mkdir -p /tmp/d27_67 && touch /tmp/d27_67/f
LABEL org.example.l27_68="label 27_68"
LABEL org.example.l27_69="label 27_69"
RUN echo step 27_70 && mkdir -p /tmp/d27_70 && touch /tmp/d27_70/f
ENV VAR_27_71=value_27_71 OTHER_27_71=${A_25_108}
WORKDIR /work/w7
ARG A_27_73=default_27_73
COPY src/file_27_74.txt /app/dir_6/
ENV VAR_27_75=value_27_75 OTHER_27_75=${A_26_8}
ENV VAR_27_76=value_27_76 OTHER_27_76=${A_23_75}
LABEL org.example.l27_77="label 27_77"
ENV VAR_27_78=value_27_78 OTHER_27_78=${A_10_54}
ENV VAR_27_79=value_27_79 OTHER_27_79=${A_8_163}
EXPOSE 8080/tcp
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s27_81
COPY src/file_27_82.txt /app/dir_14/
RUN echo step 27_83 && mkdir -p /tmp/d27_83 && touch /tmp/d27_83/f
RUN echo step 27_84 && mkdir -p /tmp/d27_84 && touch /tmp/d27_84/f
ENV VAR_27_85=value_27_85 OTHER_27_85=${A_12_109}
COPY --from=s26 /tmp /from-27_86/
ARG A_27_87=default_27_87
ENV VAR_27_88=value_27_88 OTHER_27_88=${A_22_175}
ENV VAR_27_89=value_27_89 OTHER_27_89=${A_27_51}
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s27_90
ENV VAR_27_91=value_27_91 OTHER_27_91=${A_7_128}
RUN echo step 27_92 && mkdir -p /tmp/d27_92 && touch /tmp/d27_92/f
ENV VAR_27_93=value_27_93 OTHER_27_93=${A_12_158}
RUN echo step 27_94 && mkdir -p /tmp/d27_94 && touch /tmp/d27_94/f
ENV VAR_27_95=value_27_95 OTHER_27_95=${A_12_77}
WORKDIR /work/w5
LABEL org.example.l27_97="label 27_97"
COPY src/file_27_98.txt /app/dir_13/
COPY src/file_27_99.txt /app/dir_14/
COPY src/file_27_100.txt /app/dir_15/
RUN echo step 27_101 && mkdir -p /tmp/d27_101 && touch /tmp/d27_101/f
COPY src/file_27_102.txt /app/dir_0/
ENV VAR_27_103=value_27_103 OTHER_27_103=${A_11_178}
ENV VAR_27_104=value_27_104 OTHER_27_104=${A_12_187}
LABEL org.example.l27_105="label 27_105"
COPY src/file_27_106.txt /app/dir_4/
ARG A_27_107=default_27_107
WORKDIR /work/w4
LABEL org.example.l27_109="label 27_109"
COPY src/file_27_110.txt /app/dir_8/
RUN echo step 27_111 && mkdir -p /tmp/d27_111 && touch /tmp/d27_111/f
RUN echo step 27_112 && mkdir -p /tmp/d27_112 && touch /tmp/d27_112/f
WORKDIR /work/w9
EXPOSE 8114/tcp
EXPOSE 8115/tcp
RUN echo step 27_116 && mkdir -p /tmp/d27_116 && touch /tmp/d27_116/f
RUN echo step 27_117 && mkdir -p /tmp/d27_117 && touch /tmp/d27_117/f
COPY src/file_27_118.txt /app/dir_16/
LABEL org.example.l27_119="label 27_119"
LABEL org.example.l27_120="label 27_120"
ENV VAR_27_121=value_27_121 OTHER_27_121=${A_15_130}
COPY src/file_27_122.txt /app/dir_3/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s27_123
RUN echo step 27_124 && mkdir -p /tmp/d27_124 && touch /tmp/d27_124/f
ARG A_27_125=default_27_125
ENV VAR_27_126=value_27_126 OTHER_27_126=${A_26_46}
WORKDIR /work/w10
COPY src/file_27_128.txt /app/dir_9/
COPY --from=s26 /tmp /from-27_129/
WORKDIR /work/w0
ENV VAR_27_131=value_27_131 OTHER_27_131=${A_19_143}
COPY src/file_27_132.txt /app/dir_13/
ENV VAR_27_133=value_27_133 OTHER_27_133=${A_12_39}
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s27_134
LABEL org.example.l27_135="label 27_135"
RUN echo step 27_136 && mkdir -p /tmp/d27_136 && touch /tmp/d27_136/f
LABEL org.example.l27_137="label 27_137"
RUN echo step 27_138 && mkdir -p /tmp/d27_138 && touch /tmp/d27_138/f
RUN echo step 27_139 && mkdir -p /tmp/d27_139 && touch /tmp/d27_139/f
COPY --from=s26 /tmp /from-27_140/
COPY --from=s26 /tmp /from-27_141/
EXPOSE 8142/tcp
RUN echo step 27_143 && mkdir -p /tmp/d27_143 && touch /tmp/d27_143/f
USER root
ENV VAR_27_145=value_27_145 OTHER_27_145=${A_7_177}
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s27_146
COPY --from=s26 /tmp /from-27_147/
RUN echo step 27_148 && mkdir -p /tmp/d27_148 && touch /tmp/d27_148/f
USER root
ENV VAR_27_150=value_27_150 OTHER_27_150=${A_25_25}
RUN echo step 27_151 && mkdir -p /tmp/d27_151 && touch /tmp/d27_151/f
RUN echo step 27_152 && mkdir -p /tmp/d27_152 && touch /tmp/d27_152/f
COPY --from=s26 /tmp /from-27_153/
COPY --from=s26 /tmp /from-27_154/
RUN echo step 27_155 && mkdir -p /tmp/d27_155 && touch /tmp/d27_155/f
ENV VAR_27_156=value_27_156 OTHER_27_156=${A_12_162}
COPY src/file_27_157.txt /app/dir_4/
COPY src/file_27_158.txt /app/dir_5/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s27_159
ENV VAR_27_160=value_27_160 OTHER_27_160=${A_19_157}
USER root
ARG A_27_162=default_27_162
WORKDIR /work/w7
RUN echo step 27_164 && mkdir -p /tmp/d27_164 && touch /tmp/d27_164/f
RUN echo step 27_165 && mkdir -p /tmp/d27_165 && touch /tmp/d27_165/f
COPY --from=s26 /tmp /from-27_166/
EXPOSE 8167/tcp
RUN echo step 27_168 && mkdir -p /tmp/d27_168 && touch /tmp/d27_168/f
WORKDIR /work/w0
ENV VAR_27_170=value_27_170 OTHER_27_170=${A_1_189}
LABEL org.example.l27_171="label 27_171"
ENV VAR_27_172=value_27_172 OTHER_27_172=${A_22_161}
RUN echo step 27_173 && mkdir -p /tmp/d27_173 && touch /tmp/d27_173/f
USER root
RUN echo step 27_175 && mkdir -p /tmp/d27_175 && touch /tmp/d27_175/f
WORKDIR /work/w7
RUN echo step 27_177 && mkdir -p /tmp/d27_177 && touch /tmp/d27_177/f
ARG A_27_178=default_27_178
EXPOSE 8179/tcp
RUN echo step 27_180 && mkdir -p /tmp/d27_180 && touch /tmp/d27_180/f
RUN echo step 27_181 && mkdir -p /tmp/d27_181 && touch /tmp/d27_181/f
RUN echo step 27_182 && mkdir -p /tmp/d27_182 && touch /tmp/d27_182/f
LABEL org.example.l27_183="label 27_183"
WORKDIR /work/w2
RUN echo step 27_185 && mkdir -p /tmp/d27_185 && touch /tmp/d27_185/f
RUN echo step 27_186 && mkdir -p /tmp/d27_186 && touch /tmp/d27_186/f
USER root
RUN echo step 27_188 && mkdir -p /tmp/d27_188 && touch /tmp/d27_188/f
ARG A_27_189=default_27_189
ENV VAR_27_190=value_27_190 OTHER_27_190=${A_4_199}
ENV VAR_27_191=value_27_191 OTHER_27_191=${A_9_104}
COPY src/file_27_192.txt /app/dir_5/
COPY --from=s26 /tmp /from-27_193/
LABEL org.example.l27_194="label 27_194"
COPY src/file_27_195.txt /app/dir_8/
RUN echo step 27_196 && mkdir -p /tmp/d27_196 && touch /tmp/d27_196/f
RUN echo step 27_197 && mkdir -p /tmp/d27_197 && touch /tmp/d27_197/f
RUN echo step 27_198 && mkdir -p /tmp/d27_198 && touch /tmp/d27_198/f
ENV VAR_27_199=value_27_199 OTHER_27_199=${A_1_166}
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s28
ARG A_28_0=default_28_0
ARG A_28_1=default_28_1
ENV VAR_28_2=value_28_2 OTHER_28_2=${A_4_148}
COPY --from=s27 /tmp /from-28_3/
COPY src/file_28_4.txt /app/dir_4/
LABEL org.example.l28_5="label 28_5"
ENV VAR_28_6=value_28_6 OTHER_28_6=${A_17_66}
WORKDIR /work/w7
RUN echo step 28_8 && mkdir -p /tmp/d28_8 && touch /tmp/d28_8/f
ENV VAR_28_9=value_28_9 OTHER_28_9=${A_2_132}
RUN echo step 28_10 && mkdir -p /tmp/d28_10 && touch /tmp/d28_10/f
ENV VAR_28_11=value_28_11 OTHER_28_11=${A_22_107}
RUN echo step 28_12 && mkdir -p /tmp/d28_12 && touch /tmp/d28_12/f
COPY src/file_28_13.txt /app/dir_13/
WORKDIR /work/w1
USER root
LABEL org.example.l28_16="label 28_16"
RUN echo step 28_17 && mkdir -p /tmp/d28_17 && touch /tmp/d28_17/f
ARG A_28_18=default_28_18
COPY src/file_28_19.txt /app/dir_2/
EXPOSE 8020/tcp
COPY --from=s27 /tmp /from-28_21/
COPY src/file_28_22.txt /app/dir_5/
ENV VAR_28_23=value_28_23 OTHER_28_23=${A_22_20}
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s28_24
RUN echo step 28_25 && mkdir -p /tmp/d28_25 && touch /tmp/d28_25/f
RUN echo step 28_26 && mkdir -p /tmp/d28_26 && touch /tmp/d28_26/f
ARG A_28_27=default_28_27
USER root
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s28_29
RUN echo step 28_30 && mkdir -p /tmp/d28_30 && touch /tmp/d28_30/f
RUN echo step 28_31 && mkdir -p /tmp/d28_31 && touch /tmp/d28_31/f
ENV VAR_28_32=value_28_32 OTHER_28_32=${A_10_108}
WORKDIR /work/w7
RUN echo step 28_34 && mkdir -p /tmp/d28_34 && touch /tmp/d28_34/f
WORKDIR /work/w9
ENV VAR_28_36=value_28_36 OTHER_28_36=${A_21_77}
COPY src/file_28_37.txt /app/dir_3/
COPY src/file_28_38.txt /app/dir_4/
COPY src/file_28_39.txt /app/dir_5/
LABEL org.example.l28_40="label 28_40"
LABEL org.example.l28_41="label 28_41"
COPY src/file_28_42.txt /app/dir_8/
LABEL org.example.l28_43="label 28_43"
COPY src/file_28_44.txt /app/dir_10/
WORKDIR /work/w6
COPY src/file_28_46.txt /app/dir_12/
RUN echo step 28_47 && mkdir -p /tmp/d28_47 && touch /tmp/d28_47/f
COPY src/file_28_48.txt /app/dir_14/
USER root
WORKDIR /work/w11
USER root
ENV VAR_28_52=value_28_52 OTHER_28_52=${A_26_45}
COPY src/file_28_53.txt /app/dir_2/
RUN echo step 28_54 && mkdir -p /tmp/d28_54 && touch /tmp/d28_54/f
COPY src/file_28_55.txt /app/dir_4/
RUN echo step 28_56 && mkdir -p /tmp/d28_56 && touch /tmp/d28_56/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s28_57
RUN echo step 28_58 && mkdir -p /tmp/d28_58 && touch /tmp/d28_58/f
RUN echo step 28_59 && mkdir -p /tmp/d28_59 && touch /tmp/d28_59/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s28_60
RUN echo step 28_61 && mkdir -p /tmp/d28_61 && touch /tmp/d28_61/f
ARG A_28_62=default_28_62
USER root
RUN echo step 28_64 && mkdir -p /tmp/d28_64 && touch /tmp/d28_64/f
COPY --from=s27 /tmp /from-28_65/
WORKDIR /work/w1
COPY src/file_28_67.txt /app/dir_16/
COPY src/file_28_68.txt /app/dir_0/
LABEL org.example.l28_69="label 28_69"
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s28_70
ENV VAR_28_71=value_28_71 OTHER_28_71=${A_22_189}
RUN echo step 28_72 && mkdir -p /tmp/d28_72 && touch /tmp/d28_72/f
COPY src/file_28_73.txt /app/dir_5/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s28_74
ARG A_28_75=default_28_75
RUN echo step 28_76 && mkdir -p /tmp/d28_76 && touch /tmp/d28_76/f
RUN echo step 28_77 && mkdir -p /tmp/d28_77 && touch /tmp/d28_77/f
COPY src/file_28_78.txt /app/dir_10/
ARG A_28_79=default_28_79
WORKDIR /work/w2
WORKDIR /work/w3
ENV VAR_28_82=value_28_82 OTHER_28_82=${A_10_160}
COPY --from=s27 /tmp /from-28_83/
ARG A_28_84=default_28_84
ENV VAR_28_85=value_28_85 OTHER_28_85=${A_12_170}
COPY src/file_28_86.txt /app/dir_1/
ENV VAR_28_87=value_28_87 OTHER_28_87=${A_22_169}
RUN echo step 28_88 && mkdir -p /tmp/d28_88 && touch /tmp/d28_88/f
USER root
LABEL org.example.l28_90="label 28_90"
COPY src/file_28_91.txt /app/dir_6/
RUN echo step 28_92 && mkdir -p /tmp/d28_92 && touch /tmp/d28_92/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s28_93
RUN echo step 28_94 && mkdir -p /tmp/d28_94 && touch /tmp/d28_94/f
COPY --from=s27 /tmp /from-28_95/
COPY src/file_28_96.txt /app/dir_11/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s28_97
EXPOSE 8098/tcp
WORKDIR /work/w8
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s28_100
USER root
COPY src/file_28_102.txt /app/dir_0/
ARG A_28_103=default_28_103
ARG A_28_104=default_28_104
COPY src/file_28_105.txt /app/dir_3/
COPY src/file_28_106.txt /app/dir_4/
LABEL org.example.l28_107="label 28_107"
WORKDIR /work/w4
COPY src/file_28_109.txt /app/dir_7/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s28_110
LABEL org.example.l28_111="label 28_111"
RUN echo step 28_112 && mkdir -p /tmp/d28_112 && touch /tmp/d28_112/f
EXPOSE 8113/tcp
ENV VAR_28_114=value_28_114 OTHER_28_114=${A_11_55}
ENV VAR_28_115=value_28_115 OTHER_28_115=${A_11_61}
WORKDIR /work/w12
RUN echo step 28_117 && mkdir -p /tmp/d28_117 && touch /tmp/d28_117/f
RUN echo step 28_118 && mkdir -p /tmp/d28_118 && touch /tmp/d28_118/f
ENV VAR_28_119=value_28_119 OTHER_28_119=${A_27_189}
RUN echo step 28_120 && mkdir -p /tmp/d28_120 && touch /tmp/d28_120/f
LABEL org.example.l28_121="label 28_121"
RUN echo step 28_122 && mkdir -p /tmp/d28_122 && touch /tmp/d28_122/f
COPY src/file_28_123.txt /app/dir_4/
COPY src/file_28_124.txt /app/dir_5/
WORKDIR /work/w8
COPY --from=s27 /tmp /from-28_126/
COPY src/file_28_127.txt /app/dir_8/
RUN echo step 28_128 && mkdir -p /tmp/d28_128 && touch /tmp/d28_128/f
RUN echo step 28_129 && mkdir -p /tmp/d28_129 && touch /tmp/d28_129/f
WORKDIR /work/w0
ENV VAR_28_131=value_28_131 OTHER_28_131=${A_26_60}
LABEL org.example.l28_132="label 28_132"
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s28_133
LABEL org.example.l28_134="label 28_134"
LABEL org.example.l28_135="label 28_135"
LABEL org.example.l28_136="label 28_136"
ARG A_28_137=default_28_137
RUN echo step 28_138 && mkdir -p /tmp/d28_138 && touch /tmp/d28_138/f
ENV VAR_28_139=value_28_139 OTHER_28_139=${A_21_33}
COPY src/file_28_140.txt /app/dir_4/
WORKDIR /work/w11
RUN echo step 28_142 && mkdir -p /tmp/d28_142 && touch /tmp/d28_142/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s28_143
ARG A_28_144=default_28_144
RUN echo step 28_145 && mkdir -p /tmp/d28_145 && touch /tmp/d28_145/f
RUN echo step 28_146 && mkdir -p /tmp/d28_146 && touch /tmp/d28_146/f
USER root
ARG A_28_148=default_28_148
COPY src/file_28_149.txt /app/dir_13/
ENV VAR_28_150=value_28_150 OTHER_28_150=${A_8_77}
WORKDIR /work/w8
RUN echo step 28_152 && mkdir -p /tmp/d28_152 && touch /tmp/d28_152/f
RUN echo step 28_153 && mkdir -p /tmp/d28_153 && touch /tmp/d28_153/f
COPY --from=s27 /tmp /from-28_154/
EXPOSE 8155/tcp
RUN echo step 28_156 && mkdir -p /tmp/d28_156 && touch /tmp/d28_156/f
RUN echo step 28_157 && mkdir -p /tmp/d28_157 && touch /tmp/d28_157/f
ENV VAR_28_158=value_28_158 OTHER_28_158=${A_11_93}
ENV VAR_28_159=value_28_159 OTHER_28_159=${A_6_85}
RUN echo step 28_160 && mkdir -p /tmp/d28_160 && touch /tmp/d28_160/f
WORKDIR /work/w5
ENV VAR_28_162=value_28_162 OTHER_28_162=${A_14_194}
WORKDIR /work/w7
RUN echo step 28_164 && mkdir -p /tmp/d28_164 && touch /tmp/d28_164/f
EXPOSE 8165/tcp
WORKDIR /work/w10
USER root
COPY --from=s27 /tmp /from-28_168/
ARG A_28_169=default_28_169
RUN echo step 28_170 && mkdir -p /tmp/d28_170 && touch /tmp/d28_170/f
EXPOSE 8171/tcp
ENV VAR_28_172=value_28_172 OTHER_28_172=${A_25_25}
RUN echo step 28_173 && mkdir -p /tmp/d28_173 && touch /tmp/d28_173/f
USER root
ARG A_28_175=default_28_175
COPY src/file_28_176.txt /app/dir_6/
WORKDIR /work/w8
ENV VAR_28_178=value_28_178 OTHER_28_178=${A_5_156}
COPY src/file_28_179.txt /app/dir_9/
COPY src/file_28_180.txt /app/dir_10/
WORKDIR /work/w12
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s28_182
RUN echo step 28_183 && mkdir -p /tmp/d28_183 && touch /tmp/d28_183/f
COPY src/file_28_184.txt /app/dir_14/
ENV VAR_28_185=value_28_185 OTHER_28_185=${A_28_27}
RUN echo step 28_186 && mkdir -p /tmp/d28_186 && touch /tmp/d28_186/f
COPY src/file_28_187.txt /app/dir_0/
RUN echo step 28_188 && mkdir -p /tmp/d28_188 && touch /tmp/d28_188/f
LABEL org.example.l28_189="label 28_189"
WORKDIR /work/w8
COPY src/file_28_191.txt /app/dir_4/
COPY src/file_28_192.txt /app/dir_5/
ARG A_28_193=default_28_193
ARG A_28_194=default_28_194
ARG A_28_195=default_28_195
WORKDIR /work/w1
RUN echo step 28_197 && mkdir -p /tmp/d28_197 && touch /tmp/d28_197/f
ARG A_28_198=default_28_198
COPY src/file_28_199.txt /app/dir_12/
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s29
ENV VAR_29_0=value_29_0 OTHER_29_0=${A_20_179}
ENV VAR_29_1=value_29_1 OTHER_29_1=${A_21_141}
COPY src/file_29_2.txt /app/dir_2/
ENV VAR_29_3=value_29_3 OTHER_29_3=${A_4_6}
ENV VAR_29_4=value_29_4 OTHER_29_4=${A_27_189}
RUN echo step 29_5 && mkdir -p /tmp/d29_5 && touch /tmp/d29_5/f
EXPOSE 8006/tcp
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s29_7
LABEL org.example.l29_8="label 29_8"
COPY --from=s28 /tmp /from-29_9/
RUN echo step 29_10 && mkdir -p /tmp/d29_10 && touch /tmp/d29_10/f
RUN echo step 29_11 && mkdir -p /tmp/d29_11 && touch /tmp/d29_11/f
RUN echo step 29_12 && mkdir -p /tmp/d29_12 && touch /tmp/d29_12/f
LABEL org.example.l29_13="label 29_13"
RUN echo step 29_14 && mkdir -p /tmp/d29_14 && touch /tmp/d29_14/f
ARG A_29_15=default_29_15
COPY src/file_29_16.txt /app/dir_16/
LABEL org.example.l29_17="label 29_17"
ENV VAR_29_18=value_29_18 OTHER_29_18=${A_19_143}
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s29_19
RUN echo step 29_20 && mkdir -p /tmp/d29_20 && touch /tmp/d29_20/f
ENV VAR_29_21=value_29_21 OTHER_29_21=${A_12_170}
WORKDIR /work/w9
COPY --from=s28 /tmp /from-29_23/
RUN echo step 29_24 && mkdir -p /tmp/d29_24 && touch /tmp/d29_24/f
COPY src/file_29_25.txt /app/dir_8/
RUN echo step 29_26 && mkdir -p /tmp/d29_26 && touch /tmp/d29_26/f
USER root
RUN echo step 29_28 && mkdir -p /tmp/d29_28 && touch /tmp/d29_28/f
RUN echo step 29_29 && mkdir -p /tmp/d29_29 && touch /tmp/d29_29/f
COPY src/file_29_30.txt /app/dir_13/
COPY --from=s28 /tmp /from-29_31/
RUN echo step 29_32 && mkdir -p /tmp/d29_32 && touch /tmp/d29_32/f
ENV VAR_29_33=value_29_33 OTHER_29_33=${A_23_39}
RUN echo step 29_34 && mkdir -p /tmp/d29_34 && touch /tmp/d29_34/f
ENV VAR_29_35=value_29_35 OTHER_29_35=${A_16_21}
RUN echo step 29_36 && mkdir -p /tmp/d29_36 && touch /tmp/d29_36/f
COPY --from=s28 /tmp /from-29_37/
RUN echo step 29_38 && mkdir -p /tmp/d29_38 && touch /tmp/d29_38/f
EXPOSE 8039/tcp
LABEL org.example.l29_40="label 29_40"
ENV VAR_29_41=value_29_41 OTHER_29_41=${A_3_141}
RUN echo step 29_42 && mkdir -p /tmp/d29_42 && touch /tmp/d29_42/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s29_43
RUN echo step 29_44 && mkdir -p /tmp/d29_44 && touch /tmp/d29_44/f
COPY --from=s28 /tmp /from-29_45/
RUN echo step 29_46 && mkdir -p /tmp/d29_46 && touch /tmp/d29_46/f
RUN echo step 29_47 && mkdir -p /tmp/d29_47 && touch /tmp/d29_47/f
USER root
ARG A_29_49=default_29_49
ENV VAR_29_50=value_29_50 OTHER_29_50=${A_10_80}
LABEL org.example.l29_51="label 29_51"
ARG A_29_52=default_29_52
ENV VAR_29_53=value_29_53 OTHER_29_53=${A_5_95}
ENV VAR_29_54=value_29_54 OTHER_29_54=${A_27_162}
RUN echo step 29_55 && mkdir -p /tmp/d29_55 && touch /tmp/d29_55/f
COPY src/file_29_56.txt /app/dir_5/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s29_57
COPY --from=s28 /tmp /from-29_58/
ARG A_29_59=default_29_59
RUN echo step 29_60 && mkdir -p /tmp/d29_60 && touch /tmp/d29_60/f
COPY src/file_29_61.txt /app/dir_10/
RUN echo step 29_62 && mkdir -p /tmp/d29_62 && touch /tmp/d29_62/f
ENV VAR_29_63=value_29_63 OTHER_29_63=${A_21_33}
RUN echo step 29_64 && mkdir -p /tmp/d29_64 && touch /tmp/d29_64/f
COPY src/file_29_65.txt /app/dir_14/
ARG A_29_66=default_29_66
WORKDIR /work/w2
COPY src/file_29_68.txt /app/dir_0/
COPY src/file_29_69.txt /app/dir_1/
USER root
ENV VAR_29_71=value_29_71 OTHER_29_71=${A_6_40}
RUN echo step 29_72 && mkdir -p /tmp/d29_72 && touch /tmp/d29_72/f
ENV VAR_29_73=value_29_73 OTHER_29_73=${A_22_140}
COPY src/file_29_74.txt /app/dir_6/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s29_75
COPY src/file_29_76.txt /app/dir_8/
RUN echo step 29_77 && mkdir -p /tmp/d29_77 && touch /tmp/d29_77/f
RUN echo step 29_78 && mkdir -p /tmp/d29_78 && touch /tmp/d29_78/f
EXPOSE 8079/tcp
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s29_80
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s29_81
RUN echo step 29_82 && mkdir -p /tmp/d29_82 && touch /tmp/d29_82/f
RUN echo step 29_83 && mkdir -p /tmp/d29_83 && touch /tmp/d29_83/f
COPY src/file_29_84.txt /app/dir_16/
RUN echo step 29_85 && mkdir -p /tmp/d29_85 && touch /tmp/d29_85/f
ENV VAR_29_86=value_29_86 OTHER_29_86=${A_13_13}
RUN echo step 29_87 && mkdir -p /tmp/d29_87 && touch /tmp/d29_87/f
ENV VAR_29_88=value_29_88 OTHER_29_88=${A_7_62}
RUN echo step 29_89 && mkdir -p /tmp/d29_89 && touch /tmp/d29_89/f
WORKDIR /work/w12
RUN echo step 29_91 && mkdir -p /tmp/d29_91 && touch /tmp/d29_91/f
RUN echo step 29_92 && mkdir -p /tmp/d29_92 && touch /tmp/d29_92/f
WORKDIR /work/w2
USER root
ENV VAR_29_95=value_29_95 OTHER_29_95=${A_0_105}
WORKDIR /work/w5
ENV VAR_29_97=value_29_97 OTHER_29_97=${A_15_112}
RUN echo step 29_98 && mkdir -p /tmp/d29_98 && touch /tmp/d29_98/f
RUN echo step 29_99 && mkdir -p /tmp/d29_99 && touch /tmp/d29_99/f
WORKDIR /work/w9
LABEL org.example.l29_101="label 29_101"
ENV VAR_29_102=value_29_102 OTHER_29_102=${A_26_8}
ENV VAR_29_103=value_29_103 OTHER_29_103=${A_21_154}
LABEL org.example.l29_104="label 29_104"
RUN echo step 29_105 && mkdir -p /tmp/d29_105 && touch /tmp/d29_105/f
WORKDIR /work/w2
ENV VAR_29_107=value_29_107 OTHER_29_107=${A_26_119}
LABEL org.example.l29_108="label 29_108"
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s29_109
RUN echo step 29_110 && mkdir -p /tmp/d29_110 && touch /tmp/d29_110/f
COPY src/file_29_111.txt /app/dir_9/
COPY --from=s28 /tmp /from-29_112/
COPY --from=s28 /tmp /from-29_113/
RUN echo step 29_114 && mkdir -p /tmp/d29_114 && touch /tmp/d29_114/f
ENV VAR_29_115=value_29_115 OTHER_29_115=${A_5_130}
COPY src/file_29_116.txt /app/dir_14/
COPY src/file_29_117.txt /app/dir_15/
COPY src/file_29_118.txt /app/dir_16/
ENV VAR_29_119=value_29_119 OTHER_29_119=${A_18_82}
COPY src/file_29_120.txt /app/dir_1/
COPY src/file_29_121.txt /app/dir_2/
COPY src/file_29_122.txt /app/dir_3/
COPY --from=s28 /tmp /from-29_123/
USER root
RUN echo step 29_125 && mkdir -p /tmp/d29_125 && touch /tmp/d29_125/f
ARG A_29_126=default_29_126
COPY src/file_29_127.txt /app/dir_8/
RUN echo step 29_128 && mkdir -p /tmp/d29_128 && touch /tmp/d29_128/f
RUN echo step 29_129 && mkdir -p /tmp/d29_129 && touch /tmp/d29_129/f
COPY src/file_29_130.txt /app/dir_11/
EXPOSE 8131/tcp
COPY src/file_29_132.txt /app/dir_13/
ENV VAR_29_133=value_29_133 OTHER_29_133=${A_21_104}
RUN echo step 29_134 && mkdir -p /tmp/d29_134 && touch /tmp/d29_134/f
RUN echo step 29_135 && mkdir -p /tmp/d29_135 && touch /tmp/d29_135/f
LABEL org.example.l29_136="label 29_136"
EXPOSE 8137/tcp
COPY src/file_29_138.txt /app/dir_2/
ENV VAR_29_139=value_29_139 OTHER_29_139=${A_6_129}
RUN echo step 29_140 && mkdir -p /tmp/d29_140 && touch /tmp/d29_140/f
ARG A_29_141=default_29_141
COPY --from=s28 /tmp /from-29_142/
ENV VAR_29_143=value_29_143 OTHER_29_143=${A_18_166}
COPY src/file_29_144.txt /app/dir_8/
ARG A_29_145=default_29_145
COPY src/file_29_146.txt /app/dir_10/
WORKDIR /work/w4
EXPOSE 8148/tcp
EXPOSE 8149/tcp
WORKDIR /work/w7
RUN echo step 29_151 && mkdir -p /tmp/d29_151 && touch /tmp/d29_151/f
ENV VAR_29_152=value_29_152 OTHER_29_152=${A_12_162}
EXPOSE 8153/tcp
ARG A_29_154=default_29_154
RUN echo step 29_155 && mkdir -p /tmp/d29_155 && touch /tmp/d29_155/f
COPY src/file_29_156.txt /app/dir_3/
RUN echo step 29_157 && mkdir -p /tmp/d29_157 && touch /tmp/d29_157/f
WORKDIR /work/w2
ARG A_29_159=default_29_159
COPY src/file_29_160.txt /app/dir_7/
RUN echo step 29_161 && mkdir -p /tmp/d29_161 && touch /tmp/d29_161/f
ENV VAR_29_162=value_29_162 OTHER_29_162=${A_29_154}
RUN echo step 29_163 && mkdir -p /tmp/d29_163 && touch /tmp/d29_163/f
LABEL org.example.l29_164="label 29_164"
RUN echo step 29_165 && mkdir -p /tmp/d29_165 && touch /tmp/d29_165/f
LABEL org.example.l29_166="label 29_166"
COPY src/file_29_167.txt /app/dir_14/
ARG A_29_168=default_29_168
LABEL org.example.l29_169="label 29_169"
RUN echo step 29_170 && mkdir -p /tmp/d29_170 && touch /tmp/d29_170/f
COPY --from=s28 /tmp /from-29_171/
ARG A_29_172=default_29_172
ARG A_29_173=default_29_173
ENV VAR_29_174=value_29_174 OTHER_29_174=${A_6_49}
COPY src/file_29_175.txt /app/dir_5/
ARG A_29_176=default_29_176
COPY src/file_29_177.txt /app/dir_7/
LABEL org.example.l29_178="label 29_178"
COPY src/file_29_179.txt /app/dir_9/
USER root
ARG A_29_181=default_29_181
WORKDIR /work/w0
ENV VAR_29_183=value_29_183 OTHER_29_183=${A_24_153}
EXPOSE 8184/tcp
LABEL org.example.l29_185="label 29_185"
USER root
RUN echo step 29_187 && mkdir -p /tmp/d29_187 && touch /tmp/d29_187/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s29_188
WORKDIR /work/w7
LABEL org.example.l29_190="label 29_190"
ENV VAR_29_191=value_29_191 OTHER_29_191=${A_26_60}
COPY --from=s28 /tmp /from-29_192/
USER root
COPY src/file_29_194.txt /app/dir_7/
RUN echo step 29_195 && mkdir -p /tmp/d29_195 && touch /tmp/d29_195/f
RUN echo step 29_196 && mkdir -p /tmp/d29_196 && touch /tmp/d29_196/f
ENV VAR_29_197=value_29_197 OTHER_29_197=${A_20_69}
WORKDIR /work/w3
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s29_199
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s30
RUN echo step 30_0 && mkdir -p /tmp/d30_0 && touch /tmp/d30_0/f
ENV VAR_30_1=value_30_1 OTHER_30_1=${A_21_154}
COPY src/file_30_2.txt /app/dir_2/
ARG A_30_3=default_30_3
USER root
ENV VAR_30_5=value_30_5 OTHER_30_5=${A_3_102}
COPY src/file_30_6.txt /app/dir_6/
RUN echo step 30_7 && mkdir -p /tmp/d30_7 && touch /tmp/d30_7/f
WORKDIR /work/w8
LABEL org.example.l30_9="label 30_9"
LABEL org.example.l30_10="label 30_10"
LABEL org.example.l30_11="label 30_11"
WORKDIR /work/w12
COPY src/file_30_13.txt /app/dir_13/
COPY src/file_30_14.txt /app/dir_14/
COPY src/file_30_15.txt /app/dir_15/
COPY --from=s29 /tmp /from-30_16/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s30_17
ENV VAR_30_18=value_30_18 OTHER_30_18=${A_1_71}
ENV VAR_30_19=value_30_19 OTHER_30_19=${A_17_132}
LABEL org.example.l30_20="label 30_20"
RUN echo step 30_21 && mkdir -p /tmp/d30_21 && touch /tmp/d30_21/f
COPY src/file_30_22.txt /app/dir_5/
RUN echo step 30_23 && mkdir -p /tmp/d30_23 && touch /tmp/d30_23/f
RUN echo step 30_24 && mkdir -p /tmp/d30_24 && touch /tmp/d30_24/f
LABEL org.example.l30_25="label 30_25"
USER root
COPY src/file_30_27.txt /app/dir_10/
WORKDIR /work/w2
ENV VAR_30_29=value_30_29 OTHER_30_29=${A_29_159}
LABEL org.example.l30_30="label 30_30"
USER root
COPY src/file_30_32.txt /app/dir_15/
RUN echo step 30_33 && mkdir -p /tmp/d30_33 && touch /tmp/d30_33/f
COPY src/file_30_34.txt /app/dir_0/
COPY src/file_30_35.txt /app/dir_1/
RUN echo step 30_36 && mkdir -p /tmp/d30_36 && touch /tmp/d30_36/f
COPY src/file_30_37.txt /app/dir_3/
COPY src/file_30_38.txt /app/dir_4/
EXPOSE 8039/tcp
COPY src/file_30_40.txt /app/dir_6/
RUN echo step 30_41 && mkdir -p /tmp/d30_41 && touch /tmp/d30_41/f
COPY src/file_30_42.txt /app/dir_8/
WORKDIR /work/w4
LABEL org.example.l30_44="label 30_44"
RUN echo step 30_45 && mkdir -p /tmp/d30_45 && touch /tmp/d30_45/f
LABEL org.example.l30_46="label 30_46"
COPY src/file_30_47.txt /app/dir_13/
ENV VAR_30_48=value_30_48 OTHER_30_48=${A_11_133}
WORKDIR /work/w10
ARG A_30_50=default_30_50
RUN echo step 30_51 && mkdir -p /tmp/d30_51 && touch /tmp/d30_51/f
EXPOSE 8052/tcp
LABEL org.example.l30_53="label 30_53"
ARG A_30_54=default_30_54
RUN echo step 30_55 && mkdir -p /tmp/d30_55 && touch /tmp/d30_55/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s30_56
RUN echo step 30_57 && mkdir -p /tmp/d30_57 && touch /tmp/d30_57/f
ARG A_30_58=default_30_58
COPY --from=s29 /tmp /from-30_59/
ENV VAR_30_60=value_30_60 OTHER_30_60=${A_10_160}
ENV VAR_30_61=value_30_61 OTHER_30_61=${A_22_88}
RUN echo step 30_62 && mkdir -p /tmp/d30_62 && touch /tmp/d30_62/f
RUN echo step 30_63 && mkdir -p /tmp/d30_63 && touch /tmp/d30_63/f
RUN echo step 30_64 && mkdir -p /tmp/d30_64 && touch /tmp/d30_64/f
COPY src/file_30_65.txt /app/dir_14/
COPY --from=s29 /tmp /from-30_66/
RUN echo step 30_67 && mkdir -p /tmp/d30_67 && touch /tmp/d30_67/f
ENV VAR_30_68=value_30_68 OTHER_30_68=${A_5_60}
ENV VAR_30_69=value_30_69 OTHER_30_69=${A_19_143}
COPY src/file_30_70.txt /app/dir_2/
ENV VAR_30_71=value_30_71 OTHER_30_71=${A_3_178}
COPY src/file_30_72.txt /app/dir_4/
ENV VAR_30_73=value_30_73 OTHER_30_73=${A_18_71}
COPY src/file_30_74.txt /app/dir_6/
COPY src/file_30_75.txt /app/dir_7/
USER root
RUN echo step 30_77 && mkdir -p /tmp/d30_77 && touch /tmp/d30_77/f
ARG A_30_78=default_30_78
COPY --from=s29 /tmp /from-30_79/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s30_80
RUN echo step 30_81 && mkdir -p /tmp/d30_81 && touch /tmp/d30_81/f
LABEL org.example.l30_82="label 30_82"
ARG A_30_83=default_30_83
RUN echo step 30_84 && mkdir -p /tmp/d30_84 && touch /tmp/d30_84/f
RUN echo step 30_85 && mkdir -p /tmp/d30_85 && touch /tmp/d30_85/f
ARG A_30_86=default_30_86
LABEL org.example.l30_87="label 30_87"
ENV VAR_30_88=value_30_88 OTHER_30_88=${A_20_109}
RUN echo step 30_89 && mkdir -p /tmp/d30_89 && touch /tmp/d30_89/f
RUN echo step 30_90 && mkdir -p /tmp/d30_90 && touch /tmp/d30_90/f
COPY src/file_30_91.txt /app/dir_6/
ENV VAR_30_92=value_30_92 OTHER_30_92=${A_20_142}
RUN echo step 30_93 && mkdir -p /tmp/d30_93 && touch /tmp/d30_93/f
RUN echo step 30_94 && mkdir -p /tmp/d30_94 && touch /tmp/d30_94/f
COPY src/file_30_95.txt /app/dir_10/
ENV VAR_30_96=value_30_96 OTHER_30_96=${A_6_186}
RUN echo step 30_97 && mkdir -p /tmp/d30_97 && touch /tmp/d30_97/f
RUN echo step 30_98 && mkdir -p /tmp/d30_98 && touch /tmp/d30_98/f
ARG A_30_99=default_30_99
WORKDIR /work/w9
COPY src/file_30_101.txt /app/dir_16/
ENV VAR_30_102=value_30_102 OTHER_30_102=${A_5_163}
ENV VAR_30_103=value_30_103 OTHER_30_103=${A_25_7}
COPY src/file_30_104.txt /app/dir_2/
COPY --from=s29 /tmp /from-30_105/
WORKDIR /work/w2
ENV VAR_30_107=value_30_107 OTHER_30_107=${A_17_34}
COPY src/file_30_108.txt /app/dir_6/
WORKDIR /work/w5
WORKDIR /work/w6
ARG A_30_111=default_30_111
COPY src/file_30_112.txt /app/dir_10/
RUN echo step 30_113 && mkdir -p /tmp/d30_113 && touch /tmp/d30_113/f
COPY src/file_30_114.txt /app/dir_12/
WORKDIR /work/w11
WORKDIR /work/w12
RUN echo step 30_117 && mkdir -p /tmp/d30_117 && touch /tmp/d30_117/f
COPY src/file_30_118.txt /app/dir_16/
COPY --from=s29 /tmp /from-30_119/
WORKDIR /work/w3
COPY src/file_30_121.txt /app/dir_2/
RUN echo step 30_122 && mkdir -p /tmp/d30_122 && touch /tmp/d30_122/f
COPY src/file_30_123.txt /app/dir_4/
COPY src/file_30_124.txt /app/dir_5/
RUN echo step 30_125 && mkdir -p /tmp/d30_125 && touch /tmp/d30_125/f
WORKDIR /work/w9
LABEL org.example.l30_127="label 30_127"
COPY --from=s29 /tmp /from-30_128/
COPY src/file_30_129.txt /app/dir_10/
LABEL org.example.l30_130="label 30_130"
ENV VAR_30_131=value_30_131 OTHER_30_131=${A_12_38}
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s30_132
RUN echo step 30_133 && mkdir -p /tmp/d30_133 && touch /tmp/d30_133/f
ENV VAR_30_134=value_30_134 OTHER_30_134=${A_17_132}
RUN echo step 30_135 && mkdir -p /tmp/d30_135 && touch /tmp/d30_135/f
RUN echo step 30_136 && mkdir -p /tmp/d30_136 && touch /tmp/d30_136/f
RUN echo step 30_137 && mkdir -p /tmp/d30_137 && touch /tmp/d30_137/f
RUN echo step 30_138 && mkdir -p /tmp/d30_138 && touch /tmp/d30_138/f
ENV VAR_30_139=value_30_139 OTHER_30_139=${A_15_123}
ENV VAR_30_140=value_30_140 OTHER_30_140=${A_8_113}
EXPOSE 8141/tcp
RUN echo step 30_142 && mkdir -p /tmp/d30_142 && touch /tmp/d30_142/f
RUN echo step 30_143 && mkdir -p /tmp/d30_143 && touch /tmp/d30_143/f
COPY src/file_30_144.txt /app/dir_8/
ENV VAR_30_145=value_30_145 OTHER_30_145=${A_14_177}
ENV VAR_30_146=value_30_146 OTHER_30_146=${A_0_141}
COPY src/file_30_147.txt /app/dir_11/
COPY src/file_30_148.txt /app/dir_12/
EXPOSE 8149/tcp
WORKDIR /work/w7
COPY --from=s29 /tmp /from-30_151/
ENV VAR_30_152=value_30_152 OTHER_30_152=${A_23_191}
USER root
COPY src/file_30_154.txt /app/dir_1/
ENV VAR_30_155=value_30_155 OTHER_30_155=${A_14_111}
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s30_156
LABEL org.example.l30_157="label 30_157"
COPY src/file_30_158.txt /app/dir_5/
RUN echo step 30_159 && mkdir -p /tmp/d30_159 && touch /tmp/d30_159/f
COPY src/file_30_160.txt /app/dir_7/
WORKDIR /work/w5
COPY --from=s29 /tmp /from-30_162/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s30_163
RUN echo step 30_164 && mkdir -p /tmp/d30_164 && touch /tmp/d30_164/f
RUN echo step 30_165 && mkdir -p /tmp/d30_165 && touch /tmp/d30_165/f
COPY src/file_30_166.txt /app/dir_13/
RUN echo step 30_167 && mkdir -p /tmp/d30_167 && touch /tmp/d30_167/f
USER root
ENV VAR_30_169=value_30_169 OTHER_30_169=${A_29_154}
RUN echo step 30_170 && mkdir -p /tmp/d30_170 && touch /tmp/d30_170/f
RUN echo step 30_171 && mkdir -p /tmp/d30_171 && touch /tmp/d30_171/f
ENV VAR_30_172=value_30_172 OTHER_30_172=${A_28_193}
COPY src/file_30_173.txt /app/dir_3/
COPY src/file_30_174.txt /app/dir_4/
WORKDIR /work/w6
USER root
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s30_177
ENV VAR_30_178=value_30_178 OTHER_30_178=${A_7_128}
RUN echo step 30_179 && mkdir -p /tmp/d30_179 && touch /tmp/d30_179/f
ENV VAR_30_180=value_30_180 OTHER_30_180=${A_24_6}
WORKDIR /work/w12
LABEL org.example.l30_182="label 30_182"
RUN echo step 30_183 && mkdir -p /tmp/d30_183 && touch /tmp/d30_183/f
ENV VAR_30_184=value_30_184 OTHER_30_184=${A_26_89}
RUN echo step 30_185 && mkdir -p /tmp/d30_185 && touch /tmp/d30_185/f
RUN echo step 30_186 && mkdir -p /tmp/d30_186 && touch /tmp/d30_186/f
RUN echo step 30_187 && mkdir -p /tmp/d30_187 && touch /tmp/d30_187/f
RUN echo step 30_188 && mkdir -p /tmp/d30_188 && touch /tmp/d30_188/f
COPY src/file_30_189.txt /app/dir_2/
USER root
ARG A_30_191=default_30_191
RUN echo step 30_192 && mkdir -p /tmp/d30_192 && touch /tmp/d30_192/f
RUN echo step 30_193 && mkdir -p /tmp/d30_193 && touch /tmp/d30_193/f
RUN echo step 30_194 && mkdir -p /tmp/d30_194 && touch /tmp/d30_194/f
COPY src/file_30_195.txt /app/dir_8/
RUN echo step 30_196 && mkdir -p /tmp/d30_196 && touch /tmp/d30_196/f
COPY --from=s29 /tmp /from-30_197/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s30_198
ARG A_30_199=default_30_199
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s31
LABEL org.example.l31_0="label 31_0"
LABEL org.example.l31_1="label 31_1"
WORKDIR /work/w2
RUN echo step 31_3 && mkdir -p /tmp/d31_3 && touch /tmp/d31_3/f
LABEL org.example.l31_4="label 31_4"
ENV VAR_31_5=value_31_5 OTHER_31_5=${A_24_187}
LABEL org.example.l31_6="label 31_6"
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s31_7
RUN echo step 31_8 && mkdir -p /tmp/d31_8 && touch /tmp/d31_8/f
RUN echo step 31_9 && mkdir -p /tmp/d31_9 && touch /tmp/d31_9/f
LABEL org.example.l31_10="label 31_10"
COPY src/file_31_11.txt /app/dir_11/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s31_12
COPY src/file_31_13.txt /app/dir_13/
RUN echo step 31_14 && mkdir -p /tmp/d31_14 && touch /tmp/d31_14/f
RUN echo step 31_15 && mkdir -p /tmp/d31_15 && touch /tmp/d31_15/f
LABEL org.example.l31_16="label 31_16"
ENV VAR_31_17=value_31_17 OTHER_31_17=${A_28_27}
EXPOSE 8018/tcp
WORKDIR /work/w6
RUN echo step 31_20 && mkdir -p /tmp/d31_20 && touch /tmp/d31_20/f
RUN echo step 31_21 && mkdir -p /tmp/d31_21 && touch /tmp/d31_21/f
ENV VAR_31_22=value_31_22 OTHER_31_22=${A_29_145}
COPY src/file_31_23.txt /app/dir_6/
LABEL org.example.l31_24="label 31_24"
WORKDIR /work/w12
RUN echo step 31_26 && mkdir -p /tmp/d31_26 && touch /tmp/d31_26/f
RUN echo step 31_27 && mkdir -p /tmp/d31_27 && touch /tmp/d31_27/f
WORKDIR /work/w2
RUN echo step 31_29 && mkdir -p /tmp/d31_29 && touch /tmp/d31_29/f
COPY --from=s30 /tmp /from-31_30/
WORKDIR /work/w5
COPY src/file_31_32.txt /app/dir_15/
EXPOSE 8033/tcp
COPY --from=s30 /tmp /from-31_34/
WORKDIR /work/w9
COPY src/file_31_36.txt /app/dir_2/
COPY src/file_31_37.txt /app/dir_3/
ENV VAR_31_38=value_31_38 OTHER_31_38=${A_1_77}
RUN echo step 31_39 && mkdir -p /tmp/d31_39 && touch /tmp/d31_39/f
COPY src/file_31_40.txt /app/dir_6/
ENV VAR_31_41=value_31_41 OTHER_31_41=${A_19_118}
USER root
EXPOSE 8043/tcp
ENV VAR_31_44=value_31_44 OTHER_31_44=${A_22_140}
ARG A_31_45=default_31_45
RUN echo step 31_46 && mkdir -p /tmp/d31_46 && touch /tmp/d31_46/f
LABEL org.example.l31_47="label 31_47"
WORKDIR /work/w9
RUN echo step 31_49 && mkdir -p /tmp/d31_49 && touch /tmp/d31_49/f
ENV VAR_31_50=value_31_50 OTHER_31_50=${A_16_121}
COPY src/file_31_51.txt /app/dir_0/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s31_52
ENV VAR_31_53=value_31_53 OTHER_31_53=${A_23_30}
COPY --from=s30 /tmp /from-31_54/
LABEL org.example.l31_55="label 31_55"
COPY src/file_31_56.txt /app/dir_5/
ENV VAR_31_57=value_31_57 OTHER_31_57=${A_24_169}
ENV VAR_31_58=value_31_58 OTHER_31_58=${A_18_80}
LABEL org.example.l31_59="label 31_59"
WORKDIR /work/w8
RUN echo step 31_61 && mkdir -p /tmp/d31_61 && touch /tmp/d31_61/f
LABEL org.example.l31_62="label 31_62"
COPY src/file_31_63.txt /app/dir_12/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s31_64
ENV VAR_31_65=value_31_65 OTHER_31_65=${A_21_2}
ENV VAR_31_66=value_31_66 OTHER_31_66=${A_15_198}
WORKDIR /work/w2
ENV VAR_31_68=value_31_68 OTHER_31_68=${A_4_175}
COPY src/file_31_69.txt /app/dir_1/
COPY src/file_31_70.txt /app/dir_2/
COPY src/file_31_71.txt /app/dir_3/
RUN echo step 31_72 && mkdir -p /tmp/d31_72 && touch /tmp/d31_72/f
LABEL org.example.l31_73="label 31_73"
ARG A_31_74=default_31_74
COPY src/file_31_75.txt /app/dir_7/
COPY src/file_31_76.txt /app/dir_8/
EXPOSE 8077/tcp
WORKDIR /work/w0
COPY src/file_31_79.txt /app/dir_11/
RUN echo step 31_80 && mkdir -p /tmp/d31_80 && touch /tmp/d31_80/f
COPY src/file_31_81.txt /app/dir_13/
LABEL org.example.l31_82="label 31_82"
RUN echo step 31_83 && mkdir -p /tmp/d31_83 && touch /tmp/d31_83/f
RUN echo step 31_84 && mkdir -p /tmp/d31_84 && touch /tmp/d31_84/f
COPY src/file_31_85.txt /app/dir_0/
ENV VAR_31_86=value_31_86 OTHER_31_86=${A_1_96}
RUN echo step 31_87 && mkdir -p /tmp/d31_87 && touch /tmp/d31_87/f
COPY src/file_31_88.txt /app/dir_3/
ENV VAR_31_89=value_31_89 OTHER_31_89=${A_26_45}
WORKDIR /work/w12
RUN echo step 31_91 && mkdir -p /tmp/d31_91 && touch /tmp/d31_91/f
COPY src/file_31_92.txt /app/dir_7/
LABEL org.example.l31_93="label 31_93"
ARG A_31_94=default_31_94
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s31_95
COPY src/file_31_96.txt /app/dir_11/
RUN echo step 31_97 && mkdir -p /tmp/d31_97 && touch /tmp/d31_97/f
ENV VAR_31_98=value_31_98 OTHER_31_98=${A_26_60}
COPY src/file_31_99.txt /app/dir_14/
COPY src/file_31_100.txt /app/dir_15/
COPY --from=s30 /tmp /from-31_101/
ARG A_31_102=default_31_102
ENV VAR_31_103=value_31_103 OTHER_31_103=${A_1_126}
RUN echo step 31_104 && mkdir -p /tmp/d31_104 && touch /tmp/d31_104/f
WORKDIR /work/w1
ENV VAR_31_106=value_31_106 OTHER_31_106=${A_25_120}
LABEL org.example.l31_107="label 31_107"
LABEL org.example.l31_108="label 31_108"
ENV VAR_31_109=value_31_109 OTHER_31_109=${A_26_147}
ARG A_31_110=default_31_110
ENV VAR_31_111=value_31_111 OTHER_31_111=${A_14_95}
ENV VAR_31_112=value_31_112 OTHER_31_112=${A_14_21}
ENV VAR_31_113=value_31_113 OTHER_31_113=${A_6_117}
WORKDIR /work/w10
WORKDIR /work/w11
RUN echo step 31_116 && mkdir -p /tmp/d31_116 && touch /tmp/d31_116/f
ARG A_31_117=default_31_117
RUN echo step 31_118 && mkdir -p /tmp/d31_118 && touch /tmp/d31_118/f
COPY src/file_31_119.txt /app/dir_0/
WORKDIR /work/w3
COPY src/file_31_121.txt /app/dir_2/
ARG A_31_122=default_31_122
ENV VAR_31_123=value_31_123 OTHER_31_123=${A_5_159}
RUN echo step 31_124 && mkdir -p /tmp/d31_124 && touch /tmp/d31_124/f
COPY --from=s30 /tmp /from-31_125/
ENV VAR_31_126=value_31_126 OTHER_31_126=${A_14_196}
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s31_127
WORKDIR /work/w11
ENV VAR_31_129=value_31_129 OTHER_31_129=${A_24_149}
RUN echo step 31_130 && mkdir -p /tmp/d31_130 && touch /tmp/d31_130/f
RUN echo step 31_131 && mkdir -p /tmp/d31_131 && touch /tmp/d31_131/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s31_132
RUN echo step 31_133 && mkdir -p /tmp/d31_133 && touch /tmp/d31_133/f
RUN echo step 31_134 && mkdir -p /tmp/d31_134 && touch /tmp/d31_134/f
ARG A_31_135=default_31_135
RUN echo step 31_136 && mkdir -p /tmp/d31_136 && touch /tmp/d31_136/f
RUN echo step 31_137 && mkdir -p /tmp/d31_137 && touch /tmp/d31_137/f
COPY --from=s30 /tmp /from-31_138/
USER root
RUN echo step 31_140 && mkdir -p /tmp/d31_140 && touch /tmp/d31_140/f
WORKDIR /work/w11
ARG A_31_142=default_31_142
RUN echo step 31_143 && mkdir -p /tmp/d31_143 && touch /tmp/d31_143/f
COPY src/file_31_144.txt /app/dir_8/
LABEL org.example.l31_145="label 31_145"
COPY src/file_31_146.txt /app/dir_10/
USER root
RUN echo step 31_148 && mkdir -p /tmp/d31_148 && touch /tmp/d31_148/f
EXPOSE 8149/tcp
RUN echo step 31_150 && mkdir -p /tmp/d31_150 && touch /tmp/d31_150/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s31_151
COPY src/file_31_152.txt /app/dir_16/
ARG A_31_153=default_31_153
WORKDIR /work/w11
USER root
ENV VAR_31_156=value_31_156 OTHER_31_156=${A_18_166}
ENV VAR_31_157=value_31_157 OTHER_31_157=${A_11_29}
COPY src/file_31_158.txt /app/dir_5/
RUN echo step 31_159 && mkdir -p /tmp/d31_159 && touch /tmp/d31_159/f
EXPOSE 8160/tcp
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s31_161
ENV VAR_31_162=value_31_162 OTHER_31_162=${A_4_85}
RUN echo step 31_163 && mkdir -p /tmp/d31_163 && touch /tmp/d31_163/f
RUN echo step 31_164 && mkdir -p /tmp/d31_164 && touch /tmp/d31_164/f
ARG A_31_165=default_31_165
USER root
EXPOSE 8167/tcp
ENV VAR_31_168=value_31_168 OTHER_31_168=${A_21_69}
RUN echo step 31_169 && mkdir -p /tmp/d31_169 && touch /tmp/d31_169/f
EXPOSE 8170/tcp
WORKDIR /work/w2
RUN echo step 31_172 && mkdir -p /tmp/d31_172 && touch /tmp/d31_172/f
RUN echo step 31_173 && mkdir -p /tmp/d31_173 && touch /tmp/d31_173/f
LABEL org.example.l31_174="label 31_174"
COPY src/file_31_175.txt /app/dir_5/
ENV VAR_31_176=value_31_176 OTHER_31_176=${A_15_123}
EXPOSE 8177/tcp
COPY src/file_31_178.txt /app/dir_8/
COPY src/file_31_179.txt /app/dir_9/
ENV VAR_31_180=value_31_180 OTHER_31_180=${A_18_109}
ENV VAR_31_181=value_31_181 OTHER_31_181=${A_6_85}
ENV VAR_31_182=value_31_182 OTHER_31_182=${A_23_92}
USER root
COPY src/file_31_184.txt /app/dir_14/
COPY src/file_31_185.txt /app/dir_15/
WORKDIR /work/w4
COPY src/file_31_187.txt /app/dir_0/
ENV VAR_31_188=value_31_188 OTHER_31_188=${A_27_9}
ENV VAR_31_189=value_31_189 OTHER_31_189=${A_2_49}
ARG A_31_190=default_31_190
COPY src/file_31_191.txt /app/dir_4/
COPY src/file_31_192.txt /app/dir_5/
RUN echo step 31_193 && mkdir -p /tmp/d31_193 && touch /tmp/d31_193/f
RUN echo step 31_194 && mkdir -p /tmp/d31_194 && touch /tmp/d31_194/f
COPY src/file_31_195.txt /app/dir_8/
COPY src/file_31_196.txt /app/dir_9/
RUN echo step 31_197 && mkdir -p /tmp/d31_197 && touch /tmp/d31_197/f
LABEL org.example.l31_198="label 31_198"
COPY --from=s30 /tmp /from-31_199/
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s32
ENV VAR_32_0=value_32_0 OTHER_32_0=${A_4_90}
COPY --from=s31 /tmp /from-32_1/
COPY src/file_32_2.txt /app/dir_2/
ENV VAR_32_3=value_32_3 OTHER_32_3=${A_24_178}
COPY src/file_32_4.txt /app/dir_4/
COPY src/file_32_5.txt /app/dir_5/
RUN echo step 32_6 && mkdir -p /tmp/d32_6 && touch /tmp/d32_6/f
COPY src/file_32_7.txt /app/dir_7/
ENV VAR_32_8=value_32_8 OTHER_32_8=${A_7_90}
LABEL org.example.l32_9="label 32_9"
WORKDIR /work/w10
COPY --from=s31 /tmp /from-32_11/
RUN echo step 32_12 && mkdir -p /tmp/d32_12 && touch /tmp/d32_12/f
RUN echo step 32_13 && mkdir -p /tmp/d32_13 && touch /tmp/d32_13/f
EXPOSE 8014/tcp
RUN echo step 32_15 && mkdir -p /tmp/d32_15 && touch /tmp/d32_15/f
ARG A_32_16=default_32_16
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s32_17
RUN echo step 32_18 && mkdir -p /tmp/d32_18 && touch /tmp/d32_18/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s32_19
RUN echo step 32_20 && mkdir -p /tmp/d32_20 && touch /tmp/d32_20/f
COPY src/file_32_21.txt /app/dir_4/
USER root
RUN echo step 32_23 && mkdir -p /tmp/d32_23 && touch /tmp/d32_23/f
ARG A_32_24=default_32_24
RUN echo step 32_25 && mkdir -p /tmp/d32_25 && touch /tmp/d32_25/f
RUN echo step 32_26 && mkdir -p /tmp/d32_26 && touch /tmp/d32_26/f
RUN echo step 32_27 && mkdir -p /tmp/d32_27 && touch /tmp/d32_27/f
ENV VAR_32_28=value_32_28 OTHER_32_28=${A_11_0}
COPY src/file_32_29.txt /app/dir_12/
ARG A_32_30=default_32_30
WORKDIR /work/w5
WORKDIR /work/w6
USER root
ENV VAR_32_34=value_32_34 OTHER_32_34=${A_25_164}
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s32_35
RUN echo step 32_36 && mkdir -p /tmp/d32_36 && touch /tmp/d32_36/f
COPY src/file_32_37.txt /app/dir_3/
ARG A_32_38=default_32_38
LABEL org.example.l32_39="label 32_39"
ENV VAR_32_40=value_32_40 OTHER_32_40=${A_12_137}
WORKDIR /work/w2
RUN echo step 32_42 && mkdir -p /tmp/d32_42 && touch /tmp/d32_42/f
COPY src/file_32_43.txt /app/dir_9/
COPY src/file_32_44.txt /app/dir_10/
COPY --from=s31 /tmp /from-32_45/
LABEL org.example.l32_46="label 32_46"
COPY src/file_32_47.txt /app/dir_13/
COPY src/file_32_48.txt /app/dir_14/
RUN echo step 32_49 && mkdir -p /tmp/d32_49 && touch /tmp/d32_49/f
RUN echo step 32_50 && mkdir -p /tmp/d32_50 && touch /tmp/d32_50/f
RUN echo step 32_51 && mkdir -p /tmp/d32_51 && touch /tmp/d32_51/f
ENV VAR_32_52=value_32_52 OTHER_32_52=${A_5_159}
ENV VAR_32_53=value_32_53 OTHER_32_53=${A_7_128}
RUN echo step 32_54 && mkdir -p /tmp/d32_54 && touch /tmp/d32_54/f
COPY src/file_32_55.txt /app/dir_4/
ENV VAR_32_56=value_32_56 OTHER_32_56=${A_1_151}
ARG A_32_57=default_32_57
COPY src/file_32_58.txt /app/dir_7/
COPY src/file_32_59.txt /app/dir_8/
RUN echo step 32_60 && mkdir -p /tmp/d32_60 && touch /tmp/d32_60/f
ARG A_32_61=default_32_61
RUN echo step 32_62 && mkdir -p /tmp/d32_62 && touch /tmp/d32_62/f
RUN echo step 32_63 && mkdir -p /tmp/d32_63 && touch /tmp/d32_63/f
LABEL org.example.l32_64="label 32_64"
ENV VAR_32_65=value_32_65 OTHER_32_65=${A_21_14}
RUN echo step 32_66 && mkdir -p /tmp/d32_66 && touch /tmp/d32_66/f
EXPOSE 8067/tcp
ARG A_32_68=default_32_68
LABEL org.example.l32_69="label 32_69"
RUN echo step 32_70 && mkdir -p /tmp/d32_70 && touch /tmp/d32_70/f
ENV VAR_32_71=value_32_71 OTHER_32_71=${A_18_132}
ARG A_32_72=default_32_72
ARG A_32_73=default_32_73
LABEL org.example.l32_74="label 32_74"
COPY --from=s31 /tmp /from-32_75/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s32_76
RUN echo step 32_77 && mkdir -p /tmp/d32_77 && touch /tmp/d32_77/f
COPY src/file_32_78.txt /app/dir_10/
RUN echo step 32_79 && mkdir -p /tmp/d32_79 && touch /tmp/d32_79/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s32_80
COPY src/file_32_81.txt /app/dir_13/
RUN echo step 32_82 && mkdir -p /tmp/d32_82 && touch /tmp/d32_82/f
COPY src/file_32_83.txt /app/dir_15/
ENV VAR_32_84=value_32_84 OTHER_32_84=${A_13_185}
COPY src/file_32_85.txt /app/dir_0/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s32_86
COPY src/file_32_87.txt /app/dir_2/
ARG A_32_88=default_32_88
ARG A_32_89=default_32_89
RUN echo step 32_90 && mkdir -p /tmp/d32_90 && touch /tmp/d32_90/f
WORKDIR /work/w0
COPY src/file_32_92.txt /app/dir_7/
RUN echo step 32_93 && mkdir -p /tmp/d32_93 && touch /tmp/d32_93/f
COPY src/file_32_94.txt /app/dir_9/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s32_95
COPY src/file_32_96.txt /app/dir_11/
ENV VAR_32_97=value_32_97 OTHER_32_97=${A_16_100}
WORKDIR /work/w7
WORKDIR /work/w8
ENV VAR_32_100=value_32_100 OTHER_32_100=${A_19_57}
COPY src/file_32_101.txt /app/dir_16/
RUN echo step 32_102 && mkdir -p /tmp/d32_102 && touch /tmp/d32_102/f
ENV VAR_32_103=value_32_103 OTHER_32_103=${A_14_115}
ENV VAR_32_104=value_32_104 OTHER_32_104=${A_28_104}
RUN echo step 32_105 && mkdir -p /tmp/d32_105 && touch /tmp/d32_105/f
ARG A_32_106=default_32_106
COPY src/file_32_107.txt /app/dir_5/
COPY --from=s31 /tmp /from-32_108/
ENV VAR_32_109=value_32_109 OTHER_32_109=${A_30_83}
RUN echo step 32_110 && mkdir -p /tmp/d32_110 && touch /tmp/d32_110/f
USER root
ENV VAR_32_112=value_32_112 OTHER_32_112=${A_11_61}
RUN echo step 32_113 && mkdir -p /tmp/d32_113 && touch /tmp/d32_113/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s32_114
RUN echo step 32_115 && mkdir -p /tmp/d32_115 && touch /tmp/d32_115/f
RUN echo step 32_116 && mkdir -p /tmp/d32_116 && touch /tmp/d32_116/f
WORKDIR /work/w0
ENV VAR_32_118=value_32_118 OTHER_32_118=${A_0_168}
ARG A_32_119=default_32_119
RUN echo step 32_120 && mkdir -p /tmp/d32_120 && touch /tmp/d32_120/f
COPY src/file_32_121.txt /app/dir_2/
LABEL org.example.l32_122="label 32_122"
COPY --from=s31 /tmp /from-32_123/
ENV VAR_32_124=value_32_124 OTHER_32_124=${A_26_85}
WORKDIR /work/w8
ARG A_32_126=default_32_126
COPY src/file_32_127.txt /app/dir_8/
COPY src/file_32_128.txt /app/dir_9/
COPY src/file_32_129.txt /app/dir_10/
WORKDIR /work/w0
EXPOSE 8131/tcp
LABEL org.example.l32_132="label 32_132"
RUN echo step 32_133 && mkdir -p /tmp/d32_133 && touch /tmp/d32_133/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s32_134
LABEL org.example.l32_135="label 32_135"
WORKDIR /work/w6
ENV VAR_32_137=value_32_137 OTHER_32_137=${A_32_106}
ARG A_32_138=default_32_138
ENV VAR_32_139=value_32_139 OTHER_32_139=${A_17_83}
ARG A_32_140=default_32_140
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s32_141
ENV VAR_32_142=value_32_142 OTHER_32_142=${A_12_187}
RUN echo step 32_143 && mkdir -p /tmp/d32_143 && touch /tmp/d32_143/f
EXPOSE 8144/tcp
ARG A_32_145=default_32_145
ARG A_32_146=default_32_146
RUN echo step 32_147 && mkdir -p /tmp/d32_147 && touch /tmp/d32_147/f
RUN echo step 32_148 && mkdir -p /tmp/d32_148 && touch /tmp/d32_148/f
COPY src/file_32_149.txt /app/dir_13/
WORKDIR /work/w7
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s32_151
USER root
ENV VAR_32_153=value_32_153 OTHER_32_153=${A_32_106}
ENV VAR_32_154=value_32_154 OTHER_32_154=${A_5_134}
RUN echo step 32_155 && mkdir -p /tmp/d32_155 && touch /tmp/d32_155/f
EXPOSE 8156/tcp
COPY src/file_32_157.txt /app/dir_4/
ENV VAR_32_158=value_32_158 OTHER_32_158=${A_22_111}
LABEL org.example.l32_159="label 32_159"
RUN echo step 32_160 && mkdir -p /tmp/d32_160 && touch /tmp/d32_160/f
RUN echo step 32_161 && mkdir -p /tmp/d32_161 && touch /tmp/d32_161/f
WORKDIR /work/w6
EXPOSE 8163/tcp
RUN echo step 32_164 && mkdir -p /tmp/d32_164 && touch /tmp/d32_164/f
RUN echo step 32_165 && mkdir -p /tmp/d32_165 && touch /tmp/d32_165/f
RUN echo step 32_166 && mkdir -p /tmp/d32_166 && touch /tmp/d32_166/f
COPY src/file_32_167.txt /app/dir_14/
USER root
COPY src/file_32_169.txt /app/dir_16/
RUN echo step 32_170 && mkdir -p /tmp/d32_170 && touch /tmp/d32_170/f
COPY src/file_32_171.txt /app/dir_1/
RUN echo step 32_172 && mkdir -p /tmp/d32_172 && touch /tmp/d32_172/f
EXPOSE 8173/tcp
USER root
COPY src/file_32_175.txt /app/dir_5/
ARG A_32_176=default_32_176
RUN echo step 32_177 && mkdir -p /tmp/d32_177 && touch /tmp/d32_177/f
RUN echo step 32_178 && mkdir -p /tmp/d32_178 && touch /tmp/d32_178/f
LABEL org.example.l32_179="label 32_179"
COPY src/file_32_180.txt /app/dir_10/
ARG A_32_181=default_32_181
COPY src/file_32_182.txt /app/dir_12/
RUN echo step 32_183 && mkdir -p /tmp/d32_183 && touch /tmp/d32_183/f
RUN echo step 32_184 && mkdir -p /tmp/d32_184 && touch /tmp/d32_184/f
COPY src/file_32_185.txt /app/dir_15/
COPY src/file_32_186.txt /app/dir_16/
USER root
USER root
COPY src/file_32_189.txt /app/dir_2/
LABEL org.example.l32_190="label 32_190"
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s32_191
RUN echo step 32_192 && mkdir -p /tmp/d32_192 && touch /tmp/d32_192/f
EXPOSE 8193/tcp
RUN echo step 32_194 && mkdir -p /tmp/d32_194 && touch /tmp/d32_194/f
WORKDIR /work/w0
ENV VAR_32_196=value_32_196 OTHER_32_196=${A_28_84}
ARG A_32_197=default_32_197
COPY src/file_32_198.txt /app/dir_11/
LABEL org.example.l32_199="label 32_199"
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s33
RUN echo step 33_0 && mkdir -p /tmp/d33_0 && touch /tmp/d33_0/f
ENV VAR_33_1=value_33_1 OTHER_33_1=${A_10_135}
RUN echo step 33_2 && mkdir -p /tmp/d33_2 && touch /tmp/d33_2/f
USER root
RUN echo step 33_4 && mkdir -p /tmp/d33_4 && touch /tmp/d33_4/f
LABEL org.example.l33_5="label 33_5"
WORKDIR /work/w6
RUN echo step 33_7 && mkdir -p /tmp/d33_7 && touch /tmp/d33_7/f
RUN echo step 33_8 && mkdir -p /tmp/d33_8 && touch /tmp/d33_8/f
RUN echo step 33_9 && mkdir -p /tmp/d33_9 && touch /tmp/d33_9/f
ENV VAR_33_10=value_33_10 OTHER_33_10=${A_22_82}
LABEL org.example.l33_11="label 33_11"
WORKDIR /work/w12
WORKDIR /work/w0
COPY src/file_33_14.txt /app/dir_14/
RUN echo step 33_15 && mkdir -p /tmp/d33_15 && touch /tmp/d33_15/f
COPY src/file_33_16.txt /app/dir_16/
ENV VAR_33_17=value_33_17 OTHER_33_17=${A_8_34}
USER root
COPY --from=s32 /tmp /from-33_19/
ARG A_33_20=default_33_20
WORKDIR /work/w8
ENV VAR_33_22=value_33_22 OTHER_33_22=${A_26_45}
RUN echo step 33_23 && mkdir -p /tmp/d33_23 && touch /tmp/d33_23/f
RUN echo step 33_24 && mkdir -p /tmp/d33_24 && touch /tmp/d33_24/f
ENV VAR_33_25=value_33_25 OTHER_33_25=${A_14_131}
WORKDIR /work/w0
ENV VAR_33_27=value_33_27 OTHER_33_27=${A_8_199}
RUN echo step 33_28 && mkdir -p /tmp/d33_28 && touch /tmp/d33_28/f
RUN echo step 33_29 && mkdir -p /tmp/d33_29 && touch /tmp/d33_29/f
ENV VAR_33_30=value_33_30 OTHER_33_30=${A_19_48}
WORKDIR /work/w5
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s33_32
LABEL org.example.l33_33="label 33_33"
COPY --from=s32 /tmp /from-33_34/
WORKDIR /work/w9
LABEL org.example.l33_36="label 33_36"
COPY --from=s32 /tmp /from-33_37/
ARG A_33_38=default_33_38
LABEL org.example.l33_39="label 33_39"
RUN echo step 33_40 && mkdir -p /tmp/d33_40 && touch /tmp/d33_40/f
USER root
ENV VAR_33_42=value_33_42 OTHER_33_42=${A_12_197}
RUN echo step 33_43 && mkdir -p /tmp/d33_43 && touch /tmp/d33_43/f
COPY src/file_33_44.txt /app/dir_10/
USER root
RUN echo step 33_46 && mkdir -p /tmp/d33_46 && touch /tmp/d33_46/f
COPY src/file_33_47.txt /app/dir_13/
LABEL org.example.l33_48="label 33_48"
ENV VAR_33_49=value_33_49 OTHER_33_49=${A_5_196}
WORKDIR /work/w11
COPY src/file_33_51.txt /app/dir_0/
RUN echo step 33_52 && mkdir -p /tmp/d33_52 && touch /tmp/d33_52/f
COPY --from=s32 /tmp /from-33_53/
RUN echo step 33_54 && mkdir -p /tmp/d33_54 && touch /tmp/d33_54/f
LABEL org.example.l33_55="label 33_55"
ARG A_33_56=default_33_56
RUN echo step 33_57 && mkdir -p /tmp/d33_57 && touch /tmp/d33_57/f
ENV VAR_33_58=value_33_58 OTHER_33_58=${A_10_70}
COPY src/file_33_59.txt /app/dir_8/
ARG A_33_60=default_33_60
RUN echo step 33_61 && mkdir -p /tmp/d33_61 && touch /tmp/d33_61/f
RUN echo step 33_62 && mkdir -p /tmp/d33_62 && touch /tmp/d33_62/f
ARG A_33_63=default_33_63
LABEL org.example.l33_64="label 33_64"
ENV VAR_33_65=value_33_65 OTHER_33_65=${A_23_191}
LABEL org.example.l33_66="label 33_66"
EXPOSE 8067/tcp
COPY src/file_33_68.txt /app/dir_0/
RUN echo step 33_69 && mkdir -p /tmp/d33_69 && touch /tmp/d33_69/f
RUN echo step 33_70 && mkdir -p /tmp/d33_70 && touch /tmp/d33_70/f
COPY src/file_33_71.txt /app/dir_3/
EXPOSE 8072/tcp
RUN echo step 33_73 && mkdir -p /tmp/d33_73 && touch /tmp/d33_73/f
ENV VAR_33_74=value_33_74 OTHER_33_74=${A_10_80}
COPY --from=s32 /tmp /from-33_75/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s33_76
RUN echo step 33_77 && mkdir -p /tmp/d33_77 && touch /tmp/d33_77/f
COPY --from=s32 /tmp /from-33_78/
EXPOSE 8079/tcp
ENV VAR_33_80=value_33_80 OTHER_33_80=${A_0_129}
ENV VAR_33_81=value_33_81 OTHER_33_81=${A_32_181}
WORKDIR /work/w4
LABEL org.example.l33_83="label 33_83"
EXPOSE 8084/tcp
ENV VAR_33_85=value_33_85 OTHER_33_85=${A_19_143}
USER root
ENV VAR_33_87=value_33_87 OTHER_33_87=${A_23_69}
LABEL org.example.l33_88="label 33_88"
ARG A_33_89=default_33_89
COPY src/file_33_90.txt /app/dir_5/
COPY --from=s32 /tmp /from-33_91/
ENV VAR_33_92=value_33_92 OTHER_33_92=${A_15_52}
RUN echo step 33_93 && mkdir -p /tmp/d33_93 && touch /tmp/d33_93/f
USER root
COPY --from=s32 /tmp /from-33_95/
RUN echo step 33_96 && mkdir -p /tmp/d33_96 && touch /tmp/d33_96/f
ENV VAR_33_97=value_33_97 OTHER_33_97=${A_27_73}
WORKDIR /work/w7
WORKDIR /work/w8
ARG A_33_100=default_33_100
ARG A_33_101=default_33_101
EXPOSE 8102/tcp
RUN echo step 33_103 && mkdir -p /tmp/d33_103 && touch /tmp/d33_103/f
COPY src/file_33_104.txt /app/dir_2/
RUN echo step 33_105 && mkdir -p /tmp/d33_105 && touch /tmp/d33_105/f
ENV VAR_33_106=value_33_106 OTHER_33_106=${A_5_20}
RUN echo step 33_107 && mkdir -p /tmp/d33_107 && touch /tmp/d33_107/f
EXPOSE 8108/tcp
ARG A_33_109=default_33_109
COPY --from=s32 /tmp /from-33_110/
ARG A_33_111=default_33_111
ENV VAR_33_112=value_33_112 OTHER_33_112=${A_5_60}
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s33_113
COPY src/file_33_114.txt /app/dir_12/
USER root
RUN echo step 33_116 && mkdir -p /tmp/d33_116 && touch /tmp/d33_116/f
ENV VAR_33_117=value_33_117 OTHER_33_117=${A_1_189}
COPY src/file_33_118.txt /app/dir_16/
ENV VAR_33_119=value_33_119 OTHER_33_119=${A_31_74}
ENV VAR_33_120=value_33_120 OTHER_33_120=${A_26_114}
COPY src/file_33_121.txt /app/dir_2/
ENV VAR_33_122=value_33_122 OTHER_33_122=${A_20_135}
COPY src/file_33_123.txt /app/dir_4/
ENV VAR_33_124=value_33_124 OTHER_33_124=${A_6_43}
WORKDIR /work/w8
LABEL org.example.l33_126="label 33_126"
RUN echo step 33_127 && mkdir -p /tmp/d33_127 && touch /tmp/d33_127/f
RUN echo step 33_128 && mkdir -p /tmp/d33_128 && touch /tmp/d33_128/f
ENV VAR_33_129=value_33_129 OTHER_33_129=${A_20_156}
COPY src/file_33_130.txt /app/dir_11/
ENV VAR_33_131=value_33_131 OTHER_33_131=${A_28_137}
EXPOSE 8132/tcp
LABEL org.example.l33_133="label 33_133"
RUN echo step 33_134 && mkdir -p /tmp/d33_134 && touch /tmp/d33_134/f
ARG A_33_135=default_33_135
COPY src/file_33_136.txt /app/dir_0/
ENV VAR_33_137=value_33_137 OTHER_33_137=${A_8_63}
RUN echo step 33_138 && mkdir -p /tmp/d33_138 && touch /tmp/d33_138/f
COPY src/file_33_139.txt /app/dir_3/
ENV VAR_33_140=value_33_140 OTHER_33_140=${A_0_141}
ENV VAR_33_141=value_33_141 OTHER_33_141=${A_10_168}
LABEL org.example.l33_142="label 33_142"
LABEL org.example.l33_143="label 33_143"
COPY src/file_33_144.txt /app/dir_8/
ENV VAR_33_145=value_33_145 OTHER_33_145=${A_20_185}
COPY --from=s32 /tmp /from-33_146/
RUN echo step 33_147 && mkdir -p /tmp/d33_147 && touch /tmp/d33_147/f
RUN echo step 33_148 && mkdir -p /tmp/d33_148 && touch /tmp/d33_148/f
ENV VAR_33_149=value_33_149 OTHER_33_149=${A_12_39}
RUN echo step 33_150 && mkdir -p /tmp/d33_150 && touch /tmp/d33_150/f
COPY src/file_33_151.txt /app/dir_15/
RUN echo step 33_152 && mkdir -p /tmp/d33_152 && touch /tmp/d33_152/f
ENV VAR_33_153=value_33_153 OTHER_33_153=${A_13_185}
ARG A_33_154=default_33_154
ENV VAR_33_155=value_33_155 OTHER_33_155=${A_6_49}
LABEL org.example.l33_156="label 33_156"
COPY src/file_33_157.txt /app/dir_4/
WORKDIR /work/w2
RUN echo step 33_159 && mkdir -p /tmp/d33_159 && touch /tmp/d33_159/f
RUN echo step 33_160 && mkdir -p /tmp/d33_160 && touch /tmp/d33_160/f
ENV VAR_33_161=value_33_161 OTHER_33_161=${A_14_178}
ENV VAR_33_162=value_33_162 OTHER_33_162=${A_27_9}
COPY src/file_33_163.txt /app/dir_10/
WORKDIR /work/w8
RUN echo step 33_165 && mkdir -p /tmp/d33_165 && touch /tmp/d33_165/f
RUN echo step 33_166 && mkdir -p /tmp/d33_166 && touch /tmp/d33_166/f
USER root
RUN echo step 33_168 && mkdir -p /tmp/d33_168 && touch /tmp/d33_168/f
ARG A_33_169=default_33_169
RUN echo step 33_170 && mkdir -p /tmp/d33_170 && touch /tmp/d33_170/f
WORKDIR /work/w2
RUN echo step 33_172 && mkdir -p /tmp/d33_172 && touch /tmp/d33_172/f
COPY src/file_33_173.txt /app/dir_3/
ENV VAR_33_174=value_33_174 OTHER_33_174=${A_31_45}
LABEL org.example.l33_175="label 33_175"
RUN echo step 33_176 && mkdir -p /tmp/d33_176 && touch /tmp/d33_176/f
RUN echo step 33_177 && mkdir -p /tmp/d33_177 && touch /tmp/d33_177/f
COPY src/file_33_178.txt /app/dir_8/
COPY --from=s32 /tmp /from-33_179/
ENV VAR_33_180=value_33_180 OTHER_33_180=${A_6_129}
LABEL org.example.l33_181="label 33_181"
RUN echo step 33_182 && mkdir -p /tmp/d33_182 && touch /tmp/d33_182/f
RUN echo step 33_183 && mkdir -p /tmp/d33_183 && touch /tmp/d33_183/f
ARG A_33_184=default_33_184
COPY src/file_33_185.txt /app/dir_15/
RUN echo step 33_186 && mkdir -p /tmp/d33_186 && touch /tmp/d33_186/f
WORKDIR /work/w5
LABEL org.example.l33_188="label 33_188"
COPY src/file_33_189.txt /app/dir_2/
COPY --from=s32 /tmp /from-33_190/
EXPOSE 8191/tcp
LABEL org.example.l33_192="label 33_192"
ENV VAR_33_193=value_33_193 OTHER_33_193=${A_1_96}
ENV VAR_33_194=value_33_194 OTHER_33_194=${A_18_119}
WORKDIR /work/w0
RUN echo step 33_196 && mkdir -p /tmp/d33_196 && touch /tmp/d33_196/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s33_197
ARG A_33_198=default_33_198
WORKDIR /work/w4
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s34
COPY src/file_34_0.txt /app/dir_0/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s34_1
RUN echo step 34_2 && mkdir -p /tmp/d34_2 && touch /tmp/d34_2/f
ENV VAR_34_3=value_34_3 OTHER_34_3=${A_13_53}
RUN echo step 34_4 && mkdir -p /tmp/d34_4 && touch /tmp/d34_4/f
COPY src/file_34_5.txt /app/dir_5/
LABEL org.example.l34_6="label 34_6"
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s34_7
RUN echo step 34_8 && mkdir -p /tmp/d34_8 && touch /tmp/d34_8/f
RUN echo step 34_9 && mkdir -p /tmp/d34_9 && touch /tmp/d34_9/f
COPY src/file_34_10.txt /app/dir_10/
RUN echo step 34_11 && mkdir -p /tmp/d34_11 && touch /tmp/d34_11/f
ENV VAR_34_12=value_34_12 OTHER_34_12=${A_21_141}
LABEL org.example.l34_13="label 34_13"
RUN echo step 34_14 && mkdir -p /tmp/d34_14 && touch /tmp/d34_14/f
EXPOSE 8015/tcp
RUN echo step 34_16 && mkdir -p /tmp/d34_16 && touch /tmp/d34_16/f
ENV VAR_34_17=value_34_17 OTHER_34_17=${A_21_145}
USER root
ENV VAR_34_19=value_34_19 OTHER_34_19=${A_0_198}
RUN echo step 34_20 && mkdir -p /tmp/d34_20 && touch /tmp/d34_20/f
RUN echo step 34_21 && mkdir -p /tmp/d34_21 && touch /tmp/d34_21/f
EXPOSE 8022/tcp
COPY src/file_34_23.txt /app/dir_6/
ENV VAR_34_24=value_34_24 OTHER_34_24=${A_1_150}
WORKDIR /work/w12
WORKDIR /work/w0
ENV VAR_34_27=value_34_27 OTHER_34_27=${A_30_78}
ENV VAR_34_28=value_34_28 OTHER_34_28=${A_23_33}
RUN echo step 34_29 && mkdir -p /tmp/d34_29 && touch /tmp/d34_29/f
COPY src/file_34_30.txt /app/dir_13/
RUN echo step 34_31 && mkdir -p /tmp/d34_31 && touch /tmp/d34_31/f
ENV VAR_34_32=value_34_32 OTHER_34_32=${A_7_129}
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s34_33
ENV VAR_34_34=value_34_34 OTHER_34_34=${A_10_80}
ARG A_34_35=default_34_35
COPY src/file_34_36.txt /app/dir_2/
USER root
COPY --from=s33 /tmp /from-34_38/
USER root
USER root
LABEL org.example.l34_41="label 34_41"
USER root
RUN echo step 34_43 && mkdir -p /tmp/d34_43 && touch /tmp/d34_43/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s34_44
ARG A_34_45=default_34_45
RUN echo step 34_46 && mkdir -p /tmp/d34_46 && touch /tmp/d34_46/f
WORKDIR /work/w8
ENV VAR_34_48=value_34_48 OTHER_34_48=${A_26_48}
COPY --from=s33 /tmp /from-34_49/
ENV VAR_34_50=value_34_50 OTHER_34_50=${A_20_135}
ARG A_34_51=default_34_51
WORKDIR /work/w0
ENV VAR_34_53=value_34_53 OTHER_34_53=${A_28_0}
COPY src/file_34_54.txt /app/dir_3/
COPY --from=s33 /tmp /from-34_55/
COPY src/file_34_56.txt /app/dir_5/
ARG A_34_57=default_34_57
ENV VAR_34_58=value_34_58 OTHER_34_58=${A_6_40}
ENV VAR_34_59=value_34_59 OTHER_34_59=${A_33_60}
WORKDIR /work/w8
WORKDIR /work/w9
USER root
WORKDIR /work/w11
COPY --from=s33 /tmp /from-34_64/
COPY src/file_34_65.txt /app/dir_14/
COPY src/file_34_66.txt /app/dir_15/
COPY src/file_34_67.txt /app/dir_16/
ENV VAR_34_68=value_34_68 OTHER_34_68=${A_33_38}
WORKDIR /work/w4
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s34_70
COPY src/file_34_71.txt /app/dir_3/
RUN echo step 34_72 && mkdir -p /tmp/d34_72 && touch /tmp/d34_72/f
LABEL org.example.l34_73="label 34_73"
RUN echo step 34_74 && mkdir -p /tmp/d34_74 && touch /tmp/d34_74/f
COPY src/file_34_75.txt /app/dir_7/
ARG A_34_76=default_34_76
ARG A_34_77=default_34_77
RUN echo step 34_78 && mkdir -p /tmp/d34_78 && touch /tmp/d34_78/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s34_79
ENV VAR_34_80=value_34_80 OTHER_34_80=${A_16_197}
RUN echo step 34_81 && mkdir -p /tmp/d34_81 && touch /tmp/d34_81/f
ENV VAR_34_82=value_34_82 OTHER_34_82=${A_18_165}
ENV VAR_34_83=value_34_83 OTHER_34_83=${A_5_156}
RUN echo step 34_84 && mkdir -p /tmp/d34_84 && touch /tmp/d34_84/f
COPY src/file_34_85.txt /app/dir_0/
COPY src/file_34_86.txt /app/dir_1/
ENV VAR_34_87=value_34_87 OTHER_34_87=${A_25_46}
RUN echo step 34_88 && mkdir -p /tmp/d34_88 && touch /tmp/d34_88/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s34_89
RUN echo step 34_90 && mkdir -p /tmp/d34_90 && touch /tmp/d34_90/f
ARG A_34_91=default_34_91
COPY src/file_34_92.txt /app/dir_7/
ENV VAR_34_93=value_34_93 OTHER_34_93=${A_19_65}
LABEL org.example.l34_94="label 34_94"
ENV VAR_34_95=value_34_95 OTHER_34_95=${A_31_110}
COPY src/file_34_96.txt /app/dir_11/
RUN echo step 34_97 && mkdir -p /tmp/d34_97 && touch /tmp/d34_97/f
ENV VAR_34_98=value_34_98 OTHER_34_98=${A_33_184}
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s34_99
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s34_100
WORKDIR /work/w10
LABEL org.example.l34_102="label 34_102"
RUN echo step 34_103 && mkdir -p /tmp/d34_103 && touch /tmp/d34_103/f
ENV VAR_34_104=value_34_104 OTHER_34_104=${A_22_111}
ARG A_34_105=default_34_105
COPY src/file_34_106.txt /app/dir_4/
LABEL org.example.l34_107="label 34_107"
COPY src/file_34_108.txt /app/dir_6/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s34_109
RUN echo step 34_110 && mkdir -p /tmp/d34_110 && touch /tmp/d34_110/f
COPY src/file_34_111.txt /app/dir_9/
LABEL org.example.l34_112="label 34_112"
COPY src/file_34_113.txt /app/dir_11/
RUN echo step 34_114 && mkdir -p /tmp/d34_114 && touch /tmp/d34_114/f
COPY src/file_34_115.txt /app/dir_13/
COPY src/file_34_116.txt /app/dir_14/
LABEL org.example.l34_117="label 34_117"
RUN echo step 34_118 && mkdir -p /tmp/d34_118 && touch /tmp/d34_118/f
WORKDIR /work/w2
ENV VAR_34_120=value_34_120 OTHER_34_120=${A_16_132}
RUN echo step 34_121 && mkdir -p /tmp/d34_121 && touch /tmp/d34_121/f
RUN echo step 34_122 && mkdir -p /tmp/d34_122 && touch /tmp/d34_122/f
COPY --from=s33 /tmp /from-34_123/
ENV VAR_34_124=value_34_124 OTHER_34_124=${A_22_22}
ENV VAR_34_125=value_34_125 OTHER_34_125=${A_9_19}
RUN echo step 34_126 && mkdir -p /tmp/d34_126 && touch /tmp/d34_126/f
RUN echo step 34_127 && mkdir -p /tmp/d34_127 && touch /tmp/d34_127/f
LABEL org.example.l34_128="label 34_128"
ARG A_34_129=default_34_129
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s34_130
WORKDIR /work/w1
EXPOSE 8132/tcp
COPY --from=s33 /tmp /from-34_133/
USER root
LABEL org.example.l34_135="label 34_135"
RUN echo step 34_136 && mkdir -p /tmp/d34_136 && touch /tmp/d34_136/f
ENV VAR_34_137=value_34_137 OTHER_34_137=${A_22_24}
LABEL org.example.l34_138="label 34_138"
RUN echo step 34_139 && mkdir -p /tmp/d34_139 && touch /tmp/d34_139/f
ENV VAR_34_140=value_34_140 OTHER_34_140=${A_28_0}
COPY src/file_34_141.txt /app/dir_5/
WORKDIR /work/w12
LABEL org.example.l34_143="label 34_143"
EXPOSE 8144/tcp
ENV VAR_34_145=value_34_145 OTHER_34_145=${A_15_26}
ENV VAR_34_146=value_34_146 OTHER_34_146=${A_13_13}
WORKDIR /work/w4
RUN echo step 34_148 && mkdir -p /tmp/d34_148 && touch /tmp/d34_148/f
RUN echo step 34_149 && mkdir -p /tmp/d34_149 && touch /tmp/d34_149/f
RUN echo step 34_150 && mkdir -p /tmp/d34_150 && touch /tmp/d34_150/f
COPY src/file_34_151.txt /app/dir_15/
COPY --from=s33 /tmp /from-34_152/
WORKDIR /work/w10
ENV VAR_34_154=value_34_154 OTHER_34_154=${A_34_57}
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s34_155
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s34_156
ENV VAR_34_157=value_34_157 OTHER_34_157=${A_4_142}
ARG A_34_158=default_34_158
COPY src/file_34_159.txt /app/dir_6/
RUN echo step 34_160 && mkdir -p /tmp/d34_160 && touch /tmp/d34_160/f
USER root
ENV VAR_34_162=value_34_162 OTHER_34_162=${A_12_180}
ENV VAR_34_163=value_34_163 OTHER_34_163=${A_34_105}
RUN echo step 34_164 && mkdir -p /tmp/d34_164 && touch /tmp/d34_164/f
RUN echo step 34_165 && mkdir -p /tmp/d34_165 && touch /tmp/d34_165/f
ENV VAR_34_166=value_34_166 OTHER_34_166=${A_22_111}
COPY src/file_34_167.txt /app/dir_14/
COPY src/file_34_168.txt /app/dir_15/
EXPOSE 8169/tcp
COPY src/file_34_170.txt /app/dir_0/
RUN echo step 34_171 && mkdir -p /tmp/d34_171 && touch /tmp/d34_171/f
COPY src/file_34_172.txt /app/dir_2/
COPY src/file_34_173.txt /app/dir_3/
RUN echo step 34_174 && mkdir -p /tmp/d34_174 && touch /tmp/d34_174/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s34_175
ARG A_34_176=default_34_176
WORKDIR /work/w8
WORKDIR /work/w9
COPY src/file_34_179.txt /app/dir_9/
COPY src/file_34_180.txt /app/dir_10/
LABEL org.example.l34_181="label 34_181"
USER root
ENV VAR_34_183=value_34_183 OTHER_34_183=${A_4_4}
RUN echo step 34_184 && mkdir -p /tmp/d34_184 && touch /tmp/d34_184/f
COPY src/file_34_185.txt /app/dir_15/
RUN echo step 34_186 && mkdir -p /tmp/d34_186 && touch /tmp/d34_186/f
ARG A_34_187=default_34_187
USER root
WORKDIR /work/w7
ENV VAR_34_190=value_34_190 OTHER_34_190=${A_12_197}
RUN echo step 34_191 && mkdir -p /tmp/d34_191 && touch /tmp/d34_191/f
RUN echo step 34_192 && mkdir -p /tmp/d34_192 && touch /tmp/d34_192/f
RUN echo step 34_193 && mkdir -p /tmp/d34_193 && touch /tmp/d34_193/f
EXPOSE 8194/tcp
LABEL org.example.l34_195="label 34_195"
RUN echo step 34_196 && mkdir -p /tmp/d34_196 && touch /tmp/d34_196/f
RUN echo step 34_197 && mkdir -p /tmp/d34_197 && touch /tmp/d34_197/f
ENV VAR_34_198=value_34_198 OTHER_34_198=${A_9_19}
RUN echo step 34_199 && mkdir -p /tmp/d34_199 && touch /tmp/d34_199/f
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s35
ENV VAR_35_0=value_35_0 OTHER_35_0=${A_24_75}
RUN echo step 35_1 && mkdir -p /tmp/d35_1 && touch /tmp/d35_1/f
ENV VAR_35_2=value_35_2 OTHER_35_2=${A_8_77}
COPY src/file_35_3.txt /app/dir_3/
COPY src/file_35_4.txt /app/dir_4/
USER root
RUN echo step 35_6 && mkdir -p /tmp/d35_6 && touch /tmp/d35_6/f
COPY src/file_35_7.txt /app/dir_7/
RUN echo step 35_8 && mkdir -p /tmp/d35_8 && touch /tmp/d35_8/f
ENV VAR_35_9=value_35_9 OTHER_35_9=${A_28_0}
RUN echo step 35_10 && mkdir -p /tmp/d35_10 && touch /tmp/d35_10/f
RUN echo step 35_11 && mkdir -p /tmp/d35_11 && touch /tmp/d35_11/f
RUN echo step 35_12 && mkdir -p /tmp/d35_12 && touch /tmp/d35_12/f
RUN echo step 35_13 && mkdir -p /tmp/d35_13 && touch /tmp/d35_13/f
LABEL org.example.l35_14="label 35_14"
EXPOSE 8015/tcp
ARG A_35_16=default_35_16
ENV VAR_35_17=value_35_17 OTHER_35_17=${A_33_111}
EXPOSE 8018/tcp
ARG A_35_19=default_35_19
WORKDIR /work/w7
WORKDIR /work/w8
COPY src/file_35_22.txt /app/dir_5/
ARG A_35_23=default_35_23
EXPOSE 8024/tcp
COPY --from=s34 /tmp /from-35_25/
ARG A_35_26=default_35_26
RUN echo step 35_27 && mkdir -p /tmp/d35_27 && touch /tmp/d35_27/f
ENV VAR_35_28=value_35_28 OTHER_35_28=${A_29_168}
RUN echo step 35_29 && mkdir -p /tmp/d35_29 && touch /tmp/d35_29/f
COPY src/file_35_30.txt /app/dir_13/
LABEL org.example.l35_31="label 35_31"
RUN echo step 35_32 && mkdir -p /tmp/d35_32 && touch /tmp/d35_32/f
RUN echo step 35_33 && mkdir -p /tmp/d35_33 && touch /tmp/d35_33/f
COPY src/file_35_34.txt /app/dir_0/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s35_35
RUN echo step 35_36 && mkdir -p /tmp/d35_36 && touch /tmp/d35_36/f
ENV VAR_35_37=value_35_37 OTHER_35_37=${A_6_102}
RUN echo step 35_38 && mkdir -p /tmp/d35_38 && touch /tmp/d35_38/f
WORKDIR /work/w0
RUN echo step 35_40 && mkdir -p /tmp/d35_40 && touch /tmp/d35_40/f
COPY --from=s34 /tmp /from-35_41/
COPY src/file_35_42.txt /app/dir_8/
LABEL org.example.l35_43="label 35_43"
COPY src/file_35_44.txt /app/dir_10/
COPY src/file_35_45.txt /app/dir_11/
COPY src/file_35_46.txt /app/dir_12/
RUN echo step 35_47 && mkdir -p /tmp/d35_47 && touch /tmp/d35_47/f
COPY src/file_35_48.txt /app/dir_14/
COPY src/file_35_49.txt /app/dir_15/
COPY src/file_35_50.txt /app/dir_16/
ENV VAR_35_51=value_35_51 OTHER_35_51=${A_4_90}
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s35_52
RUN echo step 35_53 && mkdir -p /tmp/d35_53 && touch /tmp/d35_53/f
RUN echo step 35_54 && mkdir -p /tmp/d35_54 && touch /tmp/d35_54/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s35_55
RUN echo step 35_56 && mkdir -p /tmp/d35_56 && touch /tmp/d35_56/f
ENV VAR_35_57=value_35_57 OTHER_35_57=${A_22_80}
RUN echo step 35_58 && mkdir -p /tmp/d35_58 && touch /tmp/d35_58/f
EXPOSE 8059/tcp
ENV VAR_35_60=value_35_60 OTHER_35_60=${A_4_107}
ENV VAR_35_61=value_35_61 OTHER_35_61=${A_4_6}
COPY src/file_35_62.txt /app/dir_11/
WORKDIR /work/w11
WORKDIR /work/w12
RUN echo step 35_65 && mkdir -p /tmp/d35_65 && touch /tmp/d35_65/f
LABEL org.example.l35_66="label 35_66"
ARG A_35_67=default_35_67
ENV VAR_35_68=value_35_68 OTHER_35_68=${A_31_94}
LABEL org.example.l35_69="label 35_69"
WORKDIR /work/w5
USER root
RUN echo step 35_72 && mkdir -p /tmp/d35_72 && touch /tmp/d35_72/f
ARG A_35_73=default_35_73
RUN echo step 35_74 && mkdir -p /tmp/d35_74 && touch /tmp/d35_74/f
COPY src/file_35_75.txt /app/dir_7/
ARG A_35_76=default_35_76
WORKDIR /work/w12
LABEL org.example.l35_78="label 35_78"
LABEL org.example.l35_79="label 35_79"
WORKDIR /work/w2
ENV VAR_35_81=value_35_81 OTHER_35_81=${A_9_19}
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s35_82
RUN echo step 35_83 && mkdir -p /tmp/d35_83 && touch /tmp/d35_83/f
ARG A_35_84=default_35_84
LABEL org.example.l35_85="label 35_85"
RUN echo step 35_86 && mkdir -p /tmp/d35_86 && touch /tmp/d35_86/f
RUN echo step 35_87 && mkdir -p /tmp/d35_87 && touch /tmp/d35_87/f
COPY src/file_35_88.txt /app/dir_3/
COPY src/file_35_89.txt /app/dir_4/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s35_90
ENV VAR_35_91=value_35_91 OTHER_35_91=${A_4_132}
ARG A_35_92=default_35_92
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s35_93
RUN echo step 35_94 && mkdir -p /tmp/d35_94 && touch /tmp/d35_94/f
WORKDIR /work/w4
ENV VAR_35_96=value_35_96 OTHER_35_96=${A_29_126}
EXPOSE 8097/tcp
COPY src/file_35_98.txt /app/dir_13/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s35_99
WORKDIR /work/w9
RUN echo step 35_101 && mkdir -p /tmp/d35_101 && touch /tmp/d35_101/f
ARG A_35_102=default_35_102
ENV VAR_35_103=value_35_103 OTHER_35_103=${A_13_53}
RUN echo step 35_104 && mkdir -p /tmp/d35_104 && touch /tmp/d35_104/f
ENV VAR_35_105=value_35_105 OTHER_35_105=${A_5_18}
USER root
RUN echo step 35_107 && mkdir -p /tmp/d35_107 && touch /tmp/d35_107/f
WORKDIR /work/w4
RUN echo step 35_109 && mkdir -p /tmp/d35_109 && touch /tmp/d35_109/f
WORKDIR /work/w6
USER root
COPY src/file_35_112.txt /app/dir_10/
ENV VAR_35_113=value_35_113 OTHER_35_113=${A_30_191}
RUN echo step 35_114 && mkdir -p /tmp/d35_114 && touch /tmp/d35_114/f
WORKDIR /work/w11
COPY src/file_35_116.txt /app/dir_14/
COPY --from=s34 /tmp /from-35_117/
ENV VAR_35_118=value_35_118 OTHER_35_118=${A_11_90}
COPY src/file_35_119.txt /app/dir_0/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s35_120
COPY src/file_35_121.txt /app/dir_2/
EXPOSE 8122/tcp
ENV VAR_35_123=value_35_123 OTHER_35_123=${A_12_109}
RUN echo step 35_124 && mkdir -p /tmp/d35_124 && touch /tmp/d35_124/f
ENV VAR_35_125=value_35_125 OTHER_35_125=${A_10_59}
USER root
RUN echo step 35_127 && mkdir -p /tmp/d35_127 && touch /tmp/d35_127/f
WORKDIR /work/w11
COPY src/file_35_129.txt /app/dir_10/
ARG A_35_130=default_35_130
USER root
ENV VAR_35_132=value_35_132 OTHER_35_132=${A_34_105}
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s35_133
RUN echo step 35_134 && mkdir -p /tmp/d35_134 && touch /tmp/d35_134/f
ENV VAR_35_135=value_35_135 OTHER_35_135=${A_29_145}
COPY src/file_35_136.txt /app/dir_0/
USER root
ARG A_35_138=default_35_138
EXPOSE 8139/tcp
ENV VAR_35_140=value_35_140 OTHER_35_140=${A_7_113}
RUN echo step 35_141 && mkdir -p /tmp/d35_141 && touch /tmp/d35_141/f
ENV VAR_35_142=value_35_142 OTHER_35_142=${A_28_0}
ARG A_35_143=default_35_143
COPY src/file_35_144.txt /app/dir_8/
ARG A_35_145=default_35_145
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s35_146
RUN echo step 35_147 && mkdir -p /tmp/d35_147 && touch /tmp/d35_147/f
COPY src/file_35_148.txt /app/dir_12/
EXPOSE 8149/tcp
LABEL org.example.l35_150="label 35_150"
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s35_151
RUN echo step 35_152 && mkdir -p /tmp/d35_152 && touch /tmp/d35_152/f
COPY --from=s34 /tmp /from-35_153/
COPY src/file_35_154.txt /app/dir_1/
COPY src/file_35_155.txt /app/dir_2/
RUN echo step 35_156 && mkdir -p /tmp/d35_156 && touch /tmp/d35_156/f
LABEL org.example.l35_157="label 35_157"
COPY --from=s34 /tmp /from-35_158/
USER root
EXPOSE 8160/tcp
WORKDIR /work/w5
COPY src/file_35_162.txt /app/dir_9/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s35_163
COPY src/file_35_164.txt /app/dir_11/
COPY src/file_35_165.txt /app/dir_12/
RUN echo step 35_166 && mkdir -p /tmp/d35_166 && touch /tmp/d35_166/f
RUN echo step 35_167 && mkdir -p /tmp/d35_167 && touch /tmp/d35_167/f
COPY src/file_35_168.txt /app/dir_15/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s35_169
RUN echo step 35_170 && mkdir -p /tmp/d35_170 && touch /tmp/d35_170/f
COPY --from=s34 /tmp /from-35_171/
ENV VAR_35_172=value_35_172 OTHER_35_172=${A_0_158}
LABEL org.example.l35_173="label 35_173"
RUN echo step 35_174 && mkdir -p /tmp/d35_174 && touch /tmp/d35_174/f
RUN echo step 35_175 && mkdir -p /tmp/d35_175 && touch /tmp/d35_175/f
ENV VAR_35_176=value_35_176 OTHER_35_176=${A_2_57}
COPY --from=s34 /tmp /from-35_177/
ARG A_35_178=default_35_178
ENV VAR_35_179=value_35_179 OTHER_35_179=${A_24_138}
COPY src/file_35_180.txt /app/dir_10/
ENV VAR_35_181=value_35_181 OTHER_35_181=${A_22_44}
EXPOSE 8182/tcp
RUN echo step 35_183 && mkdir -p /tmp/d35_183 && touch /tmp/d35_183/f
RUN echo step 35_184 && mkdir -p /tmp/d35_184 && touch /tmp/d35_184/f
RUN echo step 35_185 && mkdir -p /tmp/d35_185 && touch /tmp/d35_185/f
RUN echo step 35_186 && mkdir -p /tmp/d35_186 && touch /tmp/d35_186/f
COPY src/file_35_187.txt /app/dir_0/
ENV VAR_35_188=value_35_188 OTHER_35_188=${A_26_60}
EXPOSE 8189/tcp
COPY src/file_35_190.txt /app/dir_3/
RUN echo step 35_191 && mkdir -p /tmp/d35_191 && touch /tmp/d35_191/f
WORKDIR /work/w10
ENV VAR_35_193=value_35_193 OTHER_35_193=${A_5_120}
RUN echo step 35_194 && mkdir -p /tmp/d35_194 && touch /tmp/d35_194/f
COPY src/file_35_195.txt /app/dir_8/
COPY src/file_35_196.txt /app/dir_9/
RUN echo step 35_197 && mkdir -p /tmp/d35_197 && touch /tmp/d35_197/f
WORKDIR /work/w3
RUN echo step 35_199 && mkdir -p /tmp/d35_199 && touch /tmp/d35_199/f
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s36
ARG A_36_0=default_36_0
ENV VAR_36_1=value_36_1 OTHER_36_1=${A_28_79}
ARG A_36_2=default_36_2
WORKDIR /work/w3
RUN echo step 36_4 && mkdir -p /tmp/d36_4 && touch /tmp/d36_4/f
COPY src/file_36_5.txt /app/dir_5/
RUN echo step 36_6 && mkdir -p /tmp/d36_6 && touch /tmp/d36_6/f
LABEL org.example.l36_7="label 36_7"
COPY src/file_36_8.txt /app/dir_8/
RUN echo step 36_9 && mkdir -p /tmp/d36_9 && touch /tmp/d36_9/f
RUN echo step 36_10 && mkdir -p /tmp/d36_10 && touch /tmp/d36_10/f
ARG A_36_11=default_36_11
RUN echo step 36_12 && mkdir -p /tmp/d36_12 && touch /tmp/d36_12/f
COPY src/file_36_13.txt /app/dir_13/
WORKDIR /work/w1
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s36_15
RUN echo step 36_16 && mkdir -p /tmp/d36_16 && touch /tmp/d36_16/f
ENV VAR_36_17=value_36_17 OTHER_36_17=${A_21_104}
LABEL org.example.l36_18="label 36_18"
RUN echo step 36_19 && mkdir -p /tmp/d36_19 && touch /tmp/d36_19/f
EXPOSE 8020/tcp
ARG A_36_21=default_36_21
ENV VAR_36_22=value_36_22 OTHER_36_22=${A_12_162}
WORKDIR /work/w10
EXPOSE 8024/tcp
ENV VAR_36_25=value_36_25 OTHER_36_25=${A_9_8}
ENV VAR_36_26=value_36_26 OTHER_36_26=${A_17_3}
COPY --from=s35 /tmp /from-36_27/
WORKDIR /work/w2
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s36_29
ARG A_36_30=default_36_30
USER root
RUN echo step 36_32 && mkdir -p /tmp/d36_32 && touch /tmp/d36_32/f
COPY src/file_36_33.txt /app/dir_16/
ENV VAR_36_34=value_36_34 OTHER_36_34=${A_32_24}
ENV VAR_36_35=value_36_35 OTHER_36_35=${A_5_84}
COPY src/file_36_36.txt /app/dir_2/
RUN echo step 36_37 && mkdir -p /tmp/d36_37 && touch /tmp/d36_37/f
RUN echo step 36_38 && mkdir -p /tmp/d36_38 && touch /tmp/d36_38/f
COPY --from=s35 /tmp /from-36_39/
ARG A_36_40=default_36_40
COPY src/file_36_41.txt /app/dir_7/
RUN echo step 36_42 && mkdir -p /tmp/d36_42 && touch /tmp/d36_42/f
RUN echo step 36_43 && mkdir -p /tmp/d36_43 && touch /tmp/d36_43/f
ENV VAR_36_44=value_36_44 OTHER_36_44=${A_9_124}
ENV VAR_36_45=value_36_45 OTHER_36_45=${A_24_169}
ENV VAR_36_46=value_36_46 OTHER_36_46=${A_28_62}
COPY src/file_36_47.txt /app/dir_13/
RUN echo step 36_48 && mkdir -p /tmp/d36_48 && touch /tmp/d36_48/f
COPY --from=s35 /tmp /from-36_49/
ENV VAR_36_50=value_36_50 OTHER_36_50=${A_32_88}
LABEL org.example.l36_51="label 36_51"
RUN echo step 36_52 && mkdir -p /tmp/d36_52 && touch /tmp/d36_52/f
WORKDIR /work/w1
RUN echo step 36_54 && mkdir -p /tmp/d36_54 && touch /tmp/d36_54/f
RUN echo step 36_55 && mkdir -p /tmp/d36_55 && touch /tmp/d36_55/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s36_56
ARG A_36_57=default_36_57
COPY src/file_36_58.txt /app/dir_7/
ARG A_36_59=default_36_59
WORKDIR /work/w8
COPY src/file_36_61.txt /app/dir_10/
USER root
WORKDIR /work/w11
EXPOSE 8064/tcp
ENV VAR_36_65=value_36_65 OTHER_36_65=${A_8_8}
ARG A_36_66=default_36_66
ENV VAR_36_67=value_36_67 OTHER_36_67=${A_3_119}
ARG A_36_68=default_36_68
COPY src/file_36_69.txt /app/dir_1/
ENV VAR_36_70=value_36_70 OTHER_36_70=${A_7_128}
ARG A_36_71=default_36_71
WORKDIR /work/w7
RUN echo step 36_73 && mkdir -p /tmp/d36_73 && touch /tmp/d36_73/f
ENV VAR_36_74=value_36_74 OTHER_36_74=${A_26_85}
COPY src/file_36_75.txt /app/dir_7/
RUN echo step 36_76 && mkdir -p /tmp/d36_76 && touch /tmp/d36_76/f
USER root
COPY src/file_36_78.txt /app/dir_10/
ARG A_36_79=default_36_79
COPY --from=s35 /tmp /from-36_80/
COPY --from=s35 /tmp /from-36_81/
RUN echo step 36_82 && mkdir -p /tmp/d36_82 && touch /tmp/d36_82/f
RUN echo step 36_83 && mkdir -p /tmp/d36_83 && touch /tmp/d36_83/f
ARG A_36_84=default_36_84
WORKDIR /work/w7
ARG A_36_86=default_36_86
ARG A_36_87=default_36_87
RUN echo step 36_88 && mkdir -p /tmp/d36_88 && touch /tmp/d36_88/f
WORKDIR /work/w11
COPY src/file_36_90.txt /app/dir_5/
RUN echo step 36_91 && mkdir -p /tmp/d36_91 && touch /tmp/d36_91/f
COPY src/file_36_92.txt /app/dir_7/
ENV VAR_36_93=value_36_93 OTHER_36_93=${A_18_2}
RUN echo step 36_94 && mkdir -p /tmp/d36_94 && touch /tmp/d36_94/f
RUN echo step 36_95 && mkdir -p /tmp/d36_95 && touch /tmp/d36_95/f
LABEL org.example.l36_96="label 36_96"
COPY src/file_36_97.txt /app/dir_12/
RUN echo step 36_98 && mkdir -p /tmp/d36_98 && touch /tmp/d36_98/f
COPY src/file_36_99.txt /app/dir_14/
RUN echo step 36_100 && mkdir -p /tmp/d36_100 && touch /tmp/d36_100/f
ENV VAR_36_101=value_36_101 OTHER_36_101=${A_18_119}
COPY src/file_36_102.txt /app/dir_0/
COPY src/file_36_103.txt /app/dir_1/
ENV VAR_36_104=value_36_104 OTHER_36_104=${A_33_100}
LABEL org.example.l36_105="label 36_105"
ENV VAR_36_106=value_36_106 OTHER_36_106=${A_0_84}
RUN echo step 36_107 && mkdir -p /tmp/d36_107 && touch /tmp/d36_107/f
RUN echo step 36_108 && mkdir -p /tmp/d36_108 && touch /tmp/d36_108/f
COPY src/file_36_109.txt /app/dir_7/
ENV VAR_36_110=value_36_110 OTHER_36_110=${A_31_102}
ARG A_36_111=default_36_111
COPY --from=s35 /tmp /from-36_112/
COPY src/file_36_113.txt /app/dir_11/
RUN echo step 36_114 && mkdir -p /tmp/d36_114 && touch /tmp/d36_114/f
ARG A_36_115=default_36_115
RUN echo step 36_116 && mkdir -p /tmp/d36_116 && touch /tmp/d36_116/f
RUN echo step 36_117 && mkdir -p /tmp/d36_117 && touch /tmp/d36_117/f
COPY src/file_36_118.txt /app/dir_16/
ENV VAR_36_119=value_36_119 OTHER_36_119=${A_16_153}
LABEL org.example.l36_120="label 36_120"
COPY src/file_36_121.txt /app/dir_2/
USER root
COPY src/file_36_123.txt /app/dir_4/
COPY src/file_36_124.txt /app/dir_5/
COPY src/file_36_125.txt /app/dir_6/
USER root
RUN echo step 36_127 && mkdir -p /tmp/d36_127 && touch /tmp/d36_127/f
COPY src/file_36_128.txt /app/dir_9/
RUN echo step 36_129 && mkdir -p /tmp/d36_129 && touch /tmp/d36_129/f
RUN echo step 36_130 && mkdir -p /tmp/d36_130 && touch /tmp/d36_130/f
RUN echo step 36_131 && mkdir -p /tmp/d36_131 && touch /tmp/d36_131/f
ARG A_36_132=default_36_132
RUN echo step 36_133 && mkdir -p /tmp/d36_133 && touch /tmp/d36_133/f
ENV VAR_36_134=value_36_134 OTHER_36_134=${A_16_121}
COPY src/file_36_135.txt /app/dir_16/
COPY src/file_36_136.txt /app/dir_0/
COPY --from=s35 /tmp /from-36_137/
ENV VAR_36_138=value_36_138 OTHER_36_138=${A_16_0}
LABEL org.example.l36_139="label 36_139"
COPY src/file_36_140.txt /app/dir_4/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s36_141
RUN echo step 36_142 && mkdir -p /tmp/d36_142 && touch /tmp/d36_142/f
COPY --from=s35 /tmp /from-36_143/
COPY src/file_36_144.txt /app/dir_8/
USER root
EXPOSE 8146/tcp
RUN echo step 36_147 && mkdir -p /tmp/d36_147 && touch /tmp/d36_147/f
COPY src/file_36_148.txt /app/dir_12/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s36_149
RUN echo step 36_150 && mkdir -p /tmp/d36_150 && touch /tmp/d36_150/f
RUN echo step 36_151 && mkdir -p /tmp/d36_151 && touch /tmp/d36_151/f
RUN echo step 36_152 && mkdir -p /tmp/d36_152 && touch /tmp/d36_152/f
ARG A_36_153=default_36_153
LABEL org.example.l36_154="label 36_154"
COPY src/file_36_155.txt /app/dir_2/
COPY src/file_36_156.txt /app/dir_3/
COPY src/file_36_157.txt /app/dir_4/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s36_158
RUN echo step 36_159 && mkdir -p /tmp/d36_159 && touch /tmp/d36_159/f
RUN echo step 36_160 && mkdir -p /tmp/d36_160 && touch /tmp/d36_160/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s36_161
ENV VAR_36_162=value_36_162 OTHER_36_162=${A_26_85}
LABEL org.example.l36_163="label 36_163"
RUN echo step 36_164 && mkdir -p /tmp/d36_164 && touch /tmp/d36_164/f
WORKDIR /work/w9
ENV VAR_36_166=value_36_166 OTHER_36_166=${A_17_173}
LABEL org.example.l36_167="label 36_167"
COPY src/file_36_168.txt /app/dir_15/
ENV VAR_36_169=value_36_169 OTHER_36_169=${A_36_115}
COPY src/file_36_170.txt /app/dir_0/
COPY src/file_36_171.txt /app/dir_1/
LABEL org.example.l36_172="label 36_172"
EXPOSE 8173/tcp
WORKDIR /work/w5
RUN echo step 36_175 && mkdir -p /tmp/d36_175 && touch /tmp/d36_175/f
EXPOSE 8176/tcp
RUN echo step 36_177 && mkdir -p /tmp/d36_177 && touch /tmp/d36_177/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s36_178
ENV VAR_36_179=value_36_179 OTHER_36_179=${A_0_68}
COPY src/file_36_180.txt /app/dir_10/
RUN echo step 36_181 && mkdir -p /tmp/d36_181 && touch /tmp/d36_181/f
ENV VAR_36_182=value_36_182 OTHER_36_182=${A_15_123}
RUN echo step 36_183 && mkdir -p /tmp/d36_183 && touch /tmp/d36_183/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s36_184
COPY src/file_36_185.txt /app/dir_15/
COPY src/file_36_186.txt /app/dir_16/
COPY src/file_36_187.txt /app/dir_0/
COPY src/file_36_188.txt /app/dir_1/
COPY --from=s35 /tmp /from-36_189/
COPY src/file_36_190.txt /app/dir_3/
ENV VAR_36_191=value_36_191 OTHER_36_191=${A_5_51}
RUN echo step 36_192 && mkdir -p /tmp/d36_192 && touch /tmp/d36_192/f
COPY src/file_36_193.txt /app/dir_6/
WORKDIR /work/w12
ENV VAR_36_195=value_36_195 OTHER_36_195=${A_20_116}
COPY src/file_36_196.txt /app/dir_9/
RUN echo step 36_197 && mkdir -p /tmp/d36_197 && touch /tmp/d36_197/f
ARG A_36_198=default_36_198
ENV VAR_36_199=value_36_199 OTHER_36_199=${A_28_148}
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s37
ENV VAR_37_0=value_37_0 OTHER_37_0=${A_34_57}
ENV VAR_37_1=value_37_1 OTHER_37_1=${A_26_128}
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s37_2
LABEL org.example.l37_3="label 37_3"
COPY src/file_37_4.txt /app/dir_4/
WORKDIR /work/w5
COPY src/file_37_6.txt /app/dir_6/
COPY src/file_37_7.txt /app/dir_7/
COPY src/file_37_8.txt /app/dir_8/
RUN echo step 37_9 && mkdir -p /tmp/d37_9 && touch /tmp/d37_9/f
ENV VAR_37_10=value_37_10 OTHER_37_10=${A_32_146}
WORKDIR /work/w11
USER root
LABEL org.example.l37_13="label 37_13"
EXPOSE 8014/tcp
LABEL org.example.l37_15="label 37_15"
RUN echo step 37_16 && mkdir -p /tmp/d37_16 && touch /tmp/d37_16/f
WORKDIR /work/w4
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s37_18
COPY --from=s36 /tmp /from-37_19/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s37_20
ARG A_37_21=default_37_21
USER root
COPY src/file_37_23.txt /app/dir_6/
RUN echo step 37_24 && mkdir -p /tmp/d37_24 && touch /tmp/d37_24/f
COPY src/file_37_25.txt /app/dir_8/
ENV VAR_37_26=value_37_26 OTHER_37_26=${A_36_153}
WORKDIR /work/w1
COPY src/file_37_28.txt /app/dir_11/
WORKDIR /work/w3
COPY src/file_37_30.txt /app/dir_13/
ENV VAR_37_31=value_37_31 OTHER_37_31=${A_16_153}
RUN echo step 37_32 && mkdir -p /tmp/d37_32 && touch /tmp/d37_32/f
EXPOSE 8033/tcp
WORKDIR /work/w8
ENV VAR_37_35=value_37_35 OTHER_37_35=${A_36_66}
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s37_36
RUN echo step 37_37 && mkdir -p /tmp/d37_37 && touch /tmp/d37_37/f
LABEL org.example.l37_38="label 37_38"
COPY --from=s36 /tmp /from-37_39/
RUN echo step 37_40 && mkdir -p /tmp/d37_40 && touch /tmp/d37_40/f
RUN echo step 37_41 && mkdir -p /tmp/d37_41 && touch /tmp/d37_41/f
ENV VAR_37_42=value_37_42 OTHER_37_42=${A_14_196}
ENV VAR_37_43=value_37_43 OTHER_37_43=${A_22_44}
ENV VAR_37_44=value_37_44 OTHER_37_44=${A_32_146}
USER root
USER root
LABEL org.example.l37_47="label 37_47"
ENV VAR_37_48=value_37_48 OTHER_37_48=${A_15_123}
ARG A_37_49=default_37_49
USER root
RUN echo step 37_51 && mkdir -p /tmp/d37_51 && touch /tmp/d37_51/f
COPY src/file_37_52.txt /app/dir_1/
RUN echo step 37_53 && mkdir -p /tmp/d37_53 && touch /tmp/d37_53/f
COPY src/file_37_54.txt /app/dir_3/
COPY src/file_37_55.txt /app/dir_4/
RUN echo step 37_56 && mkdir -p /tmp/d37_56 && touch /tmp/d37_56/f
EXPOSE 8057/tcp
ENV VAR_37_58=value_37_58 OTHER_37_58=${A_6_22}
COPY --from=s36 /tmp /from-37_59/
COPY --from=s36 /tmp /from-37_60/
RUN echo step 37_61 && mkdir -p /tmp/d37_61 && touch /tmp/d37_61/f
RUN echo step 37_62 && mkdir -p /tmp/d37_62 && touch /tmp/d37_62/f
RUN echo step 37_63 && mkdir -p /tmp/d37_63 && touch /tmp/d37_63/f
LABEL org.example.l37_64="label 37_64"
RUN echo step 37_65 && mkdir -p /tmp/d37_65 && touch /tmp/d37_65/f
ENV VAR_37_66=value_37_66 OTHER_37_66=${A_24_13}
ENV VAR_37_67=value_37_67 OTHER_37_67=${A_3_18}
ENV VAR_37_68=value_37_68 OTHER_37_68=${A_22_80}
ARG A_37_69=default_37_69
COPY --from=s36 /tmp /from-37_70/
COPY src/file_37_71.txt /app/dir_3/
ENV VAR_37_72=value_37_72 OTHER_37_72=${A_5_134}
RUN echo step 37_73 && mkdir -p /tmp/d37_73 && touch /tmp/d37_73/f
COPY src/file_37_74.txt /app/dir_6/
COPY src/file_37_75.txt /app/dir_7/
LABEL org.example.l37_76="label 37_76"
RUN echo step 37_77 && mkdir -p /tmp/d37_77 && touch /tmp/d37_77/f
RUN echo step 37_78 && mkdir -p /tmp/d37_78 && touch /tmp/d37_78/f
USER root
WORKDIR /work/w2
USER root
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s37_82
COPY src/file_37_83.txt /app/dir_15/
ARG A_37_84=default_37_84
WORKDIR /work/w7
RUN echo step 37_86 && mkdir -p /tmp/d37_86 && touch /tmp/d37_86/f
USER root
ARG A_37_88=default_37_88
RUN echo step 37_89 && mkdir -p /tmp/d37_89 && touch /tmp/d37_89/f
COPY src/file_37_90.txt /app/dir_5/
RUN echo step 37_91 && mkdir -p /tmp/d37_91 && touch /tmp/d37_91/f
LABEL org.example.l37_92="label 37_92"
ARG A_37_93=default_37_93
COPY src/file_37_94.txt /app/dir_9/
RUN echo step 37_95 && mkdir -p /tmp/d37_95 && touch /tmp/d37_95/f
RUN echo step 37_96 && mkdir -p /tmp/d37_96 && touch /tmp/d37_96/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s37_97
COPY src/file_37_98.txt /app/dir_13/
ARG A_37_99=default_37_99
RUN echo step 37_100 && mkdir -p /tmp/d37_100 && touch /tmp/d37_100/f
COPY src/file_37_101.txt /app/dir_16/
COPY src/file_37_102.txt /app/dir_0/
ENV VAR_37_103=value_37_103 OTHER_37_103=${A_31_94}
EXPOSE 8104/tcp
RUN echo step 37_105 && mkdir -p /tmp/d37_105 && touch /tmp/d37_105/f
ENV VAR_37_106=value_37_106 OTHER_37_106=${A_0_105}
COPY src/file_37_107.txt /app/dir_5/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s37_108
ENV VAR_37_109=value_37_109 OTHER_37_109=${A_16_60}
RUN echo step 37_110 && mkdir -p /tmp/d37_110 && touch /tmp/d37_110/f
LABEL org.example.l37_111="label 37_111"
ARG A_37_112=default_37_112
USER root
RUN echo step 37_114 && mkdir -p /tmp/d37_114 && touch /tmp/d37_114/f
LABEL org.example.l37_115="label 37_115"
WORKDIR /work/w12
RUN echo step 37_117 && mkdir -p /tmp/d37_117 && touch /tmp/d37_117/f
RUN echo step 37_118 && mkdir -p /tmp/d37_118 && touch /tmp/d37_118/f
WORKDIR /work/w2
COPY src/file_37_120.txt /app/dir_1/
LABEL org.example.l37_121="label 37_121"
COPY src/file_37_122.txt /app/dir_3/
RUN echo step 37_123 && mkdir -p /tmp/d37_123 && touch /tmp/d37_123/f
ENV VAR_37_124=value_37_124 OTHER_37_124=${A_20_14}
COPY src/file_37_125.txt /app/dir_6/
RUN echo step 37_126 && mkdir -p /tmp/d37_126 && touch /tmp/d37_126/f
RUN echo step 37_127 && mkdir -p /tmp/d37_127 && touch /tmp/d37_127/f
RUN echo step 37_128 && mkdir -p /tmp/d37_128 && touch /tmp/d37_128/f
WORKDIR /work/w12
COPY src/file_37_130.txt /app/dir_11/
RUN echo step 37_131 && mkdir -p /tmp/d37_131 && touch /tmp/d37_131/f
RUN echo step 37_132 && mkdir -p /tmp/d37_132 && touch /tmp/d37_132/f
RUN echo step 37_133 && mkdir -p /tmp/d37_133 && touch /tmp/d37_133/f
WORKDIR /work/w4
COPY --from=s36 /tmp /from-37_135/
ENV VAR_37_136=value_37_136 OTHER_37_136=${A_3_119}
ARG A_37_137=default_37_137
WORKDIR /work/w8
ARG A_37_139=default_37_139
RUN echo step 37_140 && mkdir -p /tmp/d37_140 && touch /tmp/d37_140/f
ENV VAR_37_141=value_37_141 OTHER_37_141=${A_24_138}
ARG A_37_142=default_37_142
WORKDIR /work/w0
ENV VAR_37_144=value_37_144 OTHER_37_144=${A_17_66}
ENV VAR_37_145=value_37_145 OTHER_37_145=${A_12_187}
COPY src/file_37_146.txt /app/dir_10/
COPY --from=s36 /tmp /from-37_147/
LABEL org.example.l37_148="label 37_148"
LABEL org.example.l37_149="label 37_149"
COPY src/file_37_150.txt /app/dir_14/
ENV VAR_37_151=value_37_151 OTHER_37_151=${A_1_6}
RUN echo step 37_152 && mkdir -p /tmp/d37_152 && touch /tmp/d37_152/f
ENV VAR_37_153=value_37_153 OTHER_37_153=${A_17_155}
COPY src/file_37_154.txt /app/dir_1/
RUN echo step 37_155 && mkdir -p /tmp/d37_155 && touch /tmp/d37_155/f
COPY src/file_37_156.txt /app/dir_3/
RUN echo step 37_157 && mkdir -p /tmp/d37_157 && touch /tmp/d37_157/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s37_158
COPY src/file_37_159.txt /app/dir_6/
ARG A_37_160=default_37_160
COPY src/file_37_161.txt /app/dir_8/
USER root
ARG A_37_163=default_37_163
LABEL org.example.l37_164="label 37_164"
ENV VAR_37_165=value_37_165 OTHER_37_165=${A_33_169}
COPY src/file_37_166.txt /app/dir_13/
ARG A_37_167=default_37_167
COPY src/file_37_168.txt /app/dir_15/
ENV VAR_37_169=value_37_169 OTHER_37_169=${A_5_66}
LABEL org.example.l37_170="label 37_170"
USER root
ARG A_37_172=default_37_172
ENV VAR_37_173=value_37_173 OTHER_37_173=${A_23_8}
RUN echo step 37_174 && mkdir -p /tmp/d37_174 && touch /tmp/d37_174/f
LABEL org.example.l37_175="label 37_175"
COPY src/file_37_176.txt /app/dir_6/
ENV VAR_37_177=value_37_177 OTHER_37_177=${A_18_2}
COPY src/file_37_178.txt /app/dir_8/
WORKDIR /work/w10
ENV VAR_37_180=value_37_180 OTHER_37_180=${A_5_181}
RUN echo step 37_181 && mkdir -p /tmp/d37_181 && touch /tmp/d37_181/f
ENV VAR_37_182=value_37_182 OTHER_37_182=${A_12_77}
WORKDIR /work/w1
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s37_184
COPY src/file_37_185.txt /app/dir_15/
COPY src/file_37_186.txt /app/dir_16/
ENV VAR_37_187=value_37_187 OTHER_37_187=${A_7_146}
COPY src/file_37_188.txt /app/dir_1/
ENV VAR_37_189=value_37_189 OTHER_37_189=${A_28_27}
COPY src/file_37_190.txt /app/dir_3/
ARG A_37_191=default_37_191
RUN echo step 37_192 && mkdir -p /tmp/d37_192 && touch /tmp/d37_192/f
EXPOSE 8193/tcp
ENV VAR_37_194=value_37_194 OTHER_37_194=${A_15_192}
ENV VAR_37_195=value_37_195 OTHER_37_195=${A_22_56}
COPY src/file_37_196.txt /app/dir_9/
ENV VAR_37_197=value_37_197 OTHER_37_197=${A_34_187}
WORKDIR /work/w3
RUN echo step 37_199 && mkdir -p /tmp/d37_199 && touch /tmp/d37_199/f
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s38
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s38_0
EXPOSE 8001/tcp
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s38_2
RUN echo step 38_3 && mkdir -p /tmp/d38_3 && touch /tmp/d38_3/f
COPY src/file_38_4.txt /app/dir_4/
RUN echo step 38_5 && mkdir -p /tmp/d38_5 && touch /tmp/d38_5/f
ENV VAR_38_6=value_38_6 OTHER_38_6=${A_33_109}
RUN echo step 38_7 && mkdir -p /tmp/d38_7 && touch /tmp/d38_7/f
ARG A_38_8=default_38_8
COPY src/file_38_9.txt /app/dir_9/
ENV VAR_38_10=value_38_10 OTHER_38_10=${A_19_99}
COPY src/file_38_11.txt /app/dir_11/
ARG A_38_12=default_38_12
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s38_13
ARG A_38_14=default_38_14
RUN echo step 38_15 && mkdir -p /tmp/d38_15 && touch /tmp/d38_15/f
ENV VAR_38_16=value_38_16 OTHER_38_16=${A_13_51}
COPY src/file_38_17.txt /app/dir_0/
COPY src/file_38_18.txt /app/dir_1/
WORKDIR /work/w6
ARG A_38_20=default_38_20
USER root
RUN echo step 38_22 && mkdir -p /tmp/d38_22 && touch /tmp/d38_22/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s38_23
WORKDIR /work/w11
ENV VAR_38_25=value_38_25 OTHER_38_25=${A_35_73}
ARG A_38_26=default_38_26
COPY src/file_38_27.txt /app/dir_10/
LABEL org.example.l38_28="label 38_28"
ENV VAR_38_29=value_38_29 OTHER_38_29=${A_33_184}
RUN echo step 38_30 && mkdir -p /tmp/d38_30 && touch /tmp/d38_30/f
COPY src/file_38_31.txt /app/dir_14/
ENV VAR_38_32=value_38_32 OTHER_38_32=${A_9_13}
RUN echo step 38_33 && mkdir -p /tmp/d38_33 && touch /tmp/d38_33/f
RUN echo step 38_34 && mkdir -p /tmp/d38_34 && touch /tmp/d38_34/f
ARG A_38_35=default_38_35
ENV VAR_38_36=value_38_36 OTHER_38_36=${A_36_198}
LABEL org.example.l38_37="label 38_37"
RUN echo step 38_38 && mkdir -p /tmp/d38_38 && touch /tmp/d38_38/f
COPY src/file_38_39.txt /app/dir_5/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s38_40
COPY --from=s37 /tmp /from-38_41/
ENV VAR_38_42=value_38_42 OTHER_38_42=${A_3_114}
ENV VAR_38_43=value_38_43 OTHER_38_43=${A_19_129}
RUN echo step 38_44 && mkdir -p /tmp/d38_44 && touch /tmp/d38_44/f
ENV VAR_38_45=value_38_45 OTHER_38_45=${A_24_187}
COPY src/file_38_46.txt /app/dir_12/
ENV VAR_38_47=value_38_47 OTHER_38_47=${A_4_148}
COPY --from=s37 /tmp /from-38_48/
RUN echo step 38_49 && mkdir -p /tmp/d38_49 && touch /tmp/d38_49/f
COPY --from=s37 /tmp /from-38_50/
RUN echo step 38_51 && mkdir -p /tmp/d38_51 && touch /tmp/d38_51/f
COPY src/file_38_52.txt /app/dir_1/
RUN echo step 38_53 && mkdir -p /tmp/d38_53 && touch /tmp/d38_53/f
RUN echo step 38_54 && mkdir -p /tmp/d38_54 && touch /tmp/d38_54/f
COPY src/file_38_55.txt /app/dir_4/
ARG A_38_56=default_38_56
COPY --from=s37 /tmp /from-38_57/
ENV VAR_38_58=value_38_58 OTHER_38_58=${A_21_134}
EXPOSE 8059/tcp
RUN echo step 38_60 && mkdir -p /tmp/d38_60 && touch /tmp/d38_60/f
EXPOSE 8061/tcp
RUN echo step 38_62 && mkdir -p /tmp/d38_62 && touch /tmp/d38_62/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s38_63
ENV VAR_38_64=value_38_64 OTHER_38_64=${A_24_187}
ENV VAR_38_65=value_38_65 OTHER_38_65=${A_6_148}
ENV VAR_38_66=value_38_66 OTHER_38_66=${A_11_90}
ENV VAR_38_67=value_38_67 OTHER_38_67=${A_18_109}
RUN echo step 38_68 && mkdir -p /tmp/d38_68 && touch /tmp/d38_68/f
WORKDIR /work/w4
LABEL org.example.l38_70="label 38_70"
RUN echo step 38_71 && mkdir -p /tmp/d38_71 && touch /tmp/d38_71/f
ARG A_38_72=default_38_72
ARG A_38_73=default_38_73
ENV VAR_38_74=value_38_74 OTHER_38_74=${A_35_178}
RUN echo step 38_75 && mkdir -p /tmp/d38_75 && touch /tmp/d38_75/f
WORKDIR /work/w11
USER root
ENV VAR_38_78=value_38_78 OTHER_38_78=${A_11_29}
ENV VAR_38_79=value_38_79 OTHER_38_79=${A_36_68}
RUN echo step 38_80 && mkdir -p /tmp/d38_80 && touch /tmp/d38_80/f
USER root
COPY src/file_38_82.txt /app/dir_14/
ENV VAR_38_83=value_38_83 OTHER_38_83=${A_33_20}
RUN echo step 38_84 && mkdir -p /tmp/d38_84 && touch /tmp/d38_84/f
EXPOSE 8085/tcp
LABEL org.example.l38_86="label 38_86"
ENV VAR_38_87=value_38_87 OTHER_38_87=${A_28_75}
LABEL org.example.l38_88="label 38_88"
RUN echo step 38_89 && mkdir -p /tmp/d38_89 && touch /tmp/d38_89/f
RUN echo step 38_90 && mkdir -p /tmp/d38_90 && touch /tmp/d38_90/f
WORKDIR /work/w0
RUN echo step 38_92 && mkdir -p /tmp/d38_92 && touch /tmp/d38_92/f
ENV VAR_38_93=value_38_93 OTHER_38_93=${A_24_196}
ENV VAR_38_94=value_38_94 OTHER_38_94=${A_6_43}
RUN echo step 38_95 && mkdir -p /tmp/d38_95 && touch /tmp/d38_95/f
RUN echo step 38_96 && mkdir -p /tmp/d38_96 && touch /tmp/d38_96/f
COPY src/file_38_97.txt /app/dir_12/
COPY src/file_38_98.txt /app/dir_13/
COPY src/file_38_99.txt /app/dir_14/
WORKDIR /work/w9
COPY src/file_38_101.txt /app/dir_16/
ARG A_38_102=default_38_102
RUN echo step 38_103 && mkdir -p /tmp/d38_103 && touch /tmp/d38_103/f
ENV VAR_38_104=value_38_104 OTHER_38_104=${A_11_178}
USER root
LABEL org.example.l38_106="label 38_106"
EXPOSE 8107/tcp
ENV VAR_38_108=value_38_108 OTHER_38_108=${A_5_102}
ENV VAR_38_109=value_38_109 OTHER_38_109=${A_21_125}
EXPOSE 8110/tcp
RUN echo step 38_111 && mkdir -p /tmp/d38_111 && touch /tmp/d38_111/f
COPY src/file_38_112.txt /app/dir_10/
EXPOSE 8113/tcp
RUN echo step 38_114 && mkdir -p /tmp/d38_114 && touch /tmp/d38_114/f
COPY src/file_38_115.txt /app/dir_13/
ENV VAR_38_116=value_38_116 OTHER_38_116=${A_20_128}
COPY src/file_38_117.txt /app/dir_15/
ENV VAR_38_118=value_38_118 OTHER_38_118=${A_5_20}
ENV VAR_38_119=value_38_119 OTHER_38_119=${A_23_149}
RUN echo step 38_120 && mkdir -p /tmp/d38_120 && touch /tmp/d38_120/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s38_121
ARG A_38_122=default_38_122
RUN echo step 38_123 && mkdir -p /tmp/d38_123 && touch /tmp/d38_123/f
USER root
LABEL org.example.l38_125="label 38_125"
COPY src/file_38_126.txt /app/dir_7/
USER root
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s38_128
RUN echo step 38_129 && mkdir -p /tmp/d38_129 && touch /tmp/d38_129/f
RUN echo step 38_130 && mkdir -p /tmp/d38_130 && touch /tmp/d38_130/f
RUN echo step 38_131 && mkdir -p /tmp/d38_131 && touch /tmp/d38_131/f
ENV VAR_38_132=value_38_132 OTHER_38_132=${A_4_132}
RUN echo step 38_133 && mkdir -p /tmp/d38_133 && touch /tmp/d38_133/f
COPY src/file_38_134.txt /app/dir_15/
EXPOSE 8135/tcp
RUN echo step 38_136 && mkdir -p /tmp/d38_136 && touch /tmp/d38_136/f
RUN echo step 38_137 && mkdir -p /tmp/d38_137 && touch /tmp/d38_137/f
RUN echo step 38_138 && mkdir -p /tmp/d38_138 && touch /tmp/d38_138/f
COPY src/file_38_139.txt /app/dir_3/
COPY src/file_38_140.txt /app/dir_4/
COPY --from=s37 /tmp /from-38_141/
COPY src/file_38_142.txt /app/dir_6/
RUN echo step 38_143 && mkdir -p /tmp/d38_143 && touch /tmp/d38_143/f
ENV VAR_38_144=value_38_144 OTHER_38_144=${A_19_99}
ARG A_38_145=default_38_145
COPY src/file_38_146.txt /app/dir_10/
RUN echo step 38_147 && mkdir -p /tmp/d38_147 && touch /tmp/d38_147/f
EXPOSE 8148/tcp
LABEL org.example.l38_149="label 38_149"
COPY src/file_38_150.txt /app/dir_14/
ENV VAR_38_151=value_38_151 OTHER_38_151=${A_32_73}
WORKDIR /work/w9
EXPOSE 8153/tcp
EXPOSE 8154/tcp
RUN echo step 38_155 && mkdir -p /tmp/d38_155 && touch /tmp/d38_155/f
RUN echo step 38_156 && mkdir -p /tmp/d38_156 && touch /tmp/d38_156/f
ARG A_38_157=default_38_157
COPY src/file_38_158.txt /app/dir_5/
RUN echo step 38_159 && mkdir -p /tmp/d38_159 && touch /tmp/d38_159/f
COPY src/file_38_160.txt /app/dir_7/
EXPOSE 8161/tcp
RUN echo step 38_162 && mkdir -p /tmp/d38_162 && touch /tmp/d38_162/f
COPY src/file_38_163.txt /app/dir_10/
RUN echo step 38_164 && mkdir -p /tmp/d38_164 && touch /tmp/d38_164/f
ENV VAR_38_165=value_38_165 OTHER_38_165=${A_27_125}
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s38_166
ENV VAR_38_167=value_38_167 OTHER_38_167=${A_23_6}
COPY src/file_38_168.txt /app/dir_15/
COPY src/file_38_169.txt /app/dir_16/
WORKDIR /work/w1
COPY src/file_38_171.txt /app/dir_1/
LABEL org.example.l38_172="label 38_172"
RUN echo step 38_173 && mkdir -p /tmp/d38_173 && touch /tmp/d38_173/f
LABEL org.example.l38_174="label 38_174"
WORKDIR /work/w6
COPY src/file_38_176.txt /app/dir_6/
RUN echo step 38_177 && mkdir -p /tmp/d38_177 && touch /tmp/d38_177/f
COPY src/file_38_178.txt /app/dir_8/
ENV VAR_38_179=value_38_179 OTHER_38_179=${A_25_7}
WORKDIR /work/w11
COPY src/file_38_181.txt /app/dir_11/
RUN echo step 38_182 && mkdir -p /tmp/d38_182 && touch /tmp/d38_182/f
RUN echo step 38_183 && mkdir -p /tmp/d38_183 && touch /tmp/d38_183/f
ARG A_38_184=default_38_184
COPY --from=s37 /tmp /from-38_185/
COPY src/file_38_186.txt /app/dir_16/
ARG A_38_187=default_38_187
ARG A_38_188=default_38_188
WORKDIR /work/w7
WORKDIR /work/w8
USER root
COPY --from=s37 /tmp /from-38_192/
RUN echo step 38_193 && mkdir -p /tmp/d38_193 && touch /tmp/d38_193/f
COPY src/file_38_194.txt /app/dir_7/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s38_195
ENV VAR_38_196=value_38_196 OTHER_38_196=${A_36_153}
EXPOSE 8197/tcp
RUN echo step 38_198 && mkdir -p /tmp/d38_198 && touch /tmp/d38_198/f
RUN echo step 38_199 && mkdir -p /tmp/d38_199 && touch /tmp/d38_199/f
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s39
ENV VAR_39_0=value_39_0 OTHER_39_0=${A_22_20}
RUN echo step 39_1 && mkdir -p /tmp/d39_1 && touch /tmp/d39_1/f
ARG A_39_2=default_39_2
COPY --from=s38 /tmp /from-39_3/
ENV VAR_39_4=value_39_4 OTHER_39_4=${A_11_178}
LABEL org.example.l39_5="label 39_5"
WORKDIR /work/w6
ARG A_39_7=default_39_7
COPY src/file_39_8.txt /app/dir_8/
COPY src/file_39_9.txt /app/dir_9/
WORKDIR /work/w10
RUN echo step 39_11 && mkdir -p /tmp/d39_11 && touch /tmp/d39_11/f
WORKDIR /work/w12
USER root
ENV VAR_39_14=value_39_14 OTHER_39_14=${A_20_128}
ENV VAR_39_15=value_39_15 OTHER_39_15=${A_35_76}
COPY --from=s38 /tmp /from-39_16/
USER root
COPY src/file_39_18.txt /app/dir_1/
ENV VAR_39_19=value_39_19 OTHER_39_19=${A_29_49}
RUN echo step 39_20 && mkdir -p /tmp/d39_20 && touch /tmp/d39_20/f
ARG A_39_21=default_39_21
RUN echo step 39_22 && mkdir -p /tmp/d39_22 && touch /tmp/d39_22/f
RUN echo step 39_23 && mkdir -p /tmp/d39_23 && touch /tmp/d39_23/f
COPY src/file_39_24.txt /app/dir_7/
RUN echo step 39_25 && mkdir -p /tmp/d39_25 && touch /tmp/d39_25/f
ENV VAR_39_26=value_39_26 OTHER_39_26=${A_8_63}
ENV VAR_39_27=value_39_27 OTHER_39_27=${A_28_104}
ENV VAR_39_28=value_39_28 OTHER_39_28=${A_9_128}
USER root
ARG A_39_30=default_39_30
LABEL org.example.l39_31="label 39_31"
ARG A_39_32=default_39_32
RUN echo step 39_33 && mkdir -p /tmp/d39_33 && touch /tmp/d39_33/f
RUN echo step 39_34 && mkdir -p /tmp/d39_34 && touch /tmp/d39_34/f
RUN echo step 39_35 && mkdir -p /tmp/d39_35 && touch /tmp/d39_35/f
COPY src/file_39_36.txt /app/dir_2/
RUN echo step 39_37 && mkdir -p /tmp/d39_37 && touch /tmp/d39_37/f
WORKDIR /work/w12
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s39_39
EXPOSE 8040/tcp
ENV VAR_39_41=value_39_41 OTHER_39_41=${A_29_66}
ENV VAR_39_42=value_39_42 OTHER_39_42=${A_38_14}
COPY src/file_39_43.txt /app/dir_9/
RUN echo step 39_44 && mkdir -p /tmp/d39_44 && touch /tmp/d39_44/f
COPY src/file_39_45.txt /app/dir_11/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s39_46
EXPOSE 8047/tcp
RUN echo step 39_48 && mkdir -p /tmp/d39_48 && touch /tmp/d39_48/f
RUN echo step 39_49 && mkdir -p /tmp/d39_49 && touch /tmp/d39_49/f
USER root
COPY src/file_39_51.txt /app/dir_0/
WORKDIR /work/w0
ENV VAR_39_53=value_39_53 OTHER_39_53=${A_21_35}
ENV VAR_39_54=value_39_54 OTHER_39_54=${A_3_178}
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s39_55
EXPOSE 8056/tcp
RUN echo step 39_57 && mkdir -p /tmp/d39_57 && touch /tmp/d39_57/f
COPY src/file_39_58.txt /app/dir_7/
RUN echo step 39_59 && mkdir -p /tmp/d39_59 && touch /tmp/d39_59/f
ARG A_39_60=default_39_60
ENV VAR_39_61=value_39_61 OTHER_39_61=${A_18_21}
RUN echo step 39_62 && mkdir -p /tmp/d39_62 && touch /tmp/d39_62/f
ENV VAR_39_63=value_39_63 OTHER_39_63=${A_34_77}
ENV VAR_39_64=value_39_64 OTHER_39_64=${A_26_147}
LABEL org.example.l39_65="label 39_65"
COPY --from=s38 /tmp /from-39_66/
RUN echo step 39_67 && mkdir -p /tmp/d39_67 && touch /tmp/d39_67/f
COPY src/file_39_68.txt /app/dir_0/
COPY src/file_39_69.txt /app/dir_1/
RUN echo step 39_70 && mkdir -p /tmp/d39_70 && touch /tmp/d39_70/f
RUN echo step 39_71 && mkdir -p /tmp/d39_71 && touch /tmp/d39_71/f
RUN echo step 39_72 && mkdir -p /tmp/d39_72 && touch /tmp/d39_72/f
WORKDIR /work/w8
COPY src/file_39_74.txt /app/dir_6/
COPY --from=s38 /tmp /from-39_75/
LABEL org.example.l39_76="label 39_76"
COPY src/file_39_77.txt /app/dir_9/
ARG A_39_78=default_39_78
ENV VAR_39_79=value_39_79 OTHER_39_79=${A_17_60}
COPY src/file_39_80.txt /app/dir_12/
WORKDIR /work/w3
USER root
COPY src/file_39_83.txt /app/dir_15/
WORKDIR /work/w6
COPY src/file_39_85.txt /app/dir_0/
COPY src/file_39_86.txt /app/dir_1/
ENV VAR_39_87=value_39_87 OTHER_39_87=${A_8_24}
RUN echo step 39_88 && mkdir -p /tmp/d39_88 && touch /tmp/d39_88/f
LABEL org.example.l39_89="label 39_89"
WORKDIR /work/w12
RUN echo step 39_91 && mkdir -p /tmp/d39_91 && touch /tmp/d39_91/f
RUN echo step 39_92 && mkdir -p /tmp/d39_92 && touch /tmp/d39_92/f
LABEL org.example.l39_93="label 39_93"
ENV VAR_39_94=value_39_94 OTHER_39_94=${A_39_2}
RUN echo step 39_95 && mkdir -p /tmp/d39_95 && touch /tmp/d39_95/f
COPY --from=s38 /tmp /from-39_96/
ENV VAR_39_97=value_39_97 OTHER_39_97=${A_26_121}
ENV VAR_39_98=value_39_98 OTHER_39_98=${A_8_8}
EXPOSE 8099/tcp
LABEL org.example.l39_100="label 39_100"
LABEL org.example.l39_101="label 39_101"
ARG A_39_102=default_39_102
USER root
RUN echo step 39_104 && mkdir -p /tmp/d39_104 && touch /tmp/d39_104/f
RUN echo step 39_105 && mkdir -p /tmp/d39_105 && touch /tmp/d39_105/f
RUN echo step 39_106 && mkdir -p /tmp/d39_106 && touch /tmp/d39_106/f
RUN echo step 39_107 && mkdir -p /tmp/d39_107 && touch /tmp/d39_107/f
COPY src/file_39_108.txt /app/dir_6/
RUN echo step 39_109 && mkdir -p /tmp/d39_109 && touch /tmp/d39_109/f
RUN echo step 39_110 && mkdir -p /tmp/d39_110 && touch /tmp/d39_110/f
WORKDIR /work/w7
LABEL org.example.l39_112="label 39_112"
COPY src/file_39_113.txt /app/dir_11/
COPY src/file_39_114.txt /app/dir_12/
ENV VAR_39_115=value_39_115 OTHER_39_115=${A_25_145}
ENV VAR_39_116=value_39_116 OTHER_39_116=${A_7_59}
WORKDIR /work/w0
EXPOSE 8118/tcp
COPY src/file_39_119.txt /app/dir_0/
USER root
COPY src/file_39_121.txt /app/dir_2/
RUN echo step 39_122 && mkdir -p /tmp/d39_122 && touch /tmp/d39_122/f
RUN echo step 39_123 && mkdir -p /tmp/d39_123 && touch /tmp/d39_123/f
COPY src/file_39_124.txt /app/dir_5/
ENV VAR_39_125=value_39_125 OTHER_39_125=${A_33_20}
COPY src/file_39_126.txt /app/dir_7/
ENV VAR_39_127=value_39_127 OTHER_39_127=${A_21_63}
RUN echo step 39_128 && mkdir -p /tmp/d39_128 && touch /tmp/d39_128/f
COPY src/file_39_129.txt /app/dir_10/
WORKDIR /work/w0
LABEL org.example.l39_131="label 39_131"
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s39_132
ENV VAR_39_133=value_39_133 OTHER_39_133=${A_10_70}
RUN echo step 39_134 && mkdir -p /tmp/d39_134 && touch /tmp/d39_134/f
RUN echo step 39_135 && mkdir -p /tmp/d39_135 && touch /tmp/d39_135/f
COPY src/file_39_136.txt /app/dir_0/
LABEL org.example.l39_137="label 39_137"
LABEL org.example.l39_138="label 39_138"
RUN echo step 39_139 && mkdir -p /tmp/d39_139 && touch /tmp/d39_139/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s39_140
ARG A_39_141=default_39_141
USER root
RUN echo step 39_143 && mkdir -p /tmp/d39_143 && touch /tmp/d39_143/f
COPY src/file_39_144.txt /app/dir_8/
RUN echo step 39_145 && mkdir -p /tmp/d39_145 && touch /tmp/d39_145/f
ENV VAR_39_146=value_39_146 OTHER_39_146=${A_23_39}
RUN echo step 39_147 && mkdir -p /tmp/d39_147 && touch /tmp/d39_147/f
COPY src/file_39_148.txt /app/dir_12/
LABEL org.example.l39_149="label 39_149"
ARG A_39_150=default_39_150
COPY --from=s38 /tmp /from-39_151/
WORKDIR /work/w9
ENV VAR_39_153=value_39_153 OTHER_39_153=${A_20_195}
EXPOSE 8154/tcp
ENV VAR_39_155=value_39_155 OTHER_39_155=${A_14_90}
RUN echo step 39_156 && mkdir -p /tmp/d39_156 && touch /tmp/d39_156/f
LABEL org.example.l39_157="label 39_157"
RUN echo step 39_158 && mkdir -p /tmp/d39_158 && touch /tmp/d39_158/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s39_159
RUN echo step 39_160 && mkdir -p /tmp/d39_160 && touch /tmp/d39_160/f
COPY src/file_39_161.txt /app/dir_8/
RUN echo step 39_162 && mkdir -p /tmp/d39_162 && touch /tmp/d39_162/f
ENV VAR_39_163=value_39_163 OTHER_39_163=${A_29_52}
RUN echo step 39_164 && mkdir -p /tmp/d39_164 && touch /tmp/d39_164/f
WORKDIR /work/w9
WORKDIR /work/w10
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s39_167
ENV VAR_39_168=value_39_168 OTHER_39_168=${A_29_168}
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s39_169
ENV VAR_39_170=value_39_170 OTHER_39_170=${A_10_80}
RUN echo step 39_171 && mkdir -p /tmp/d39_171 && touch /tmp/d39_171/f
RUN echo step 39_172 && mkdir -p /tmp/d39_172 && touch /tmp/d39_172/f
RUN echo step 39_173 && mkdir -p /tmp/d39_173 && touch /tmp/d39_173/f
WORKDIR /work/w5
LABEL org.example.l39_175="label 39_175"
COPY src/file_39_176.txt /app/dir_6/
RUN echo step 39_177 && mkdir -p /tmp/d39_177 && touch /tmp/d39_177/f
ENV VAR_39_178=value_39_178 OTHER_39_178=${A_16_155}
RUN echo step 39_179 && mkdir -p /tmp/d39_179 && touch /tmp/d39_179/f
RUN echo step 39_180 && mkdir -p /tmp/d39_180 && touch /tmp/d39_180/f
RUN echo step 39_181 && mkdir -p /tmp/d39_181 && touch /tmp/d39_181/f
ENV VAR_39_182=value_39_182 OTHER_39_182=${A_3_10}
WORKDIR /work/w1
EXPOSE 8184/tcp
USER root
ENV VAR_39_186=value_39_186 OTHER_39_186=${A_14_34}
WORKDIR /work/w5
RUN echo step 39_188 && mkdir -p /tmp/d39_188 && touch /tmp/d39_188/f
COPY src/file_39_189.txt /app/dir_2/
RUN echo step 39_190 && mkdir -p /tmp/d39_190 && touch /tmp/d39_190/f
RUN echo step 39_191 && mkdir -p /tmp/d39_191 && touch /tmp/d39_191/f
USER root
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s39_193
ENV VAR_39_194=value_39_194 OTHER_39_194=${A_26_4}
LABEL org.example.l39_195="label 39_195"
ENV VAR_39_196=value_39_196 OTHER_39_196=${A_25_125}
LABEL org.example.l39_197="label 39_197"
RUN echo step 39_198 && mkdir -p /tmp/d39_198 && touch /tmp/d39_198/f
COPY src/file_39_199.txt /app/dir_12/
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s40
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s40_0
ENV VAR_40_1=value_40_1 OTHER_40_1=${A_8_34}
RUN echo step 40_2 && mkdir -p /tmp/d40_2 && touch /tmp/d40_2/f
ARG A_40_3=default_40_3
ENV VAR_40_4=value_40_4 OTHER_40_4=${A_17_123}
ENV VAR_40_5=value_40_5 OTHER_40_5=${A_10_94}
ARG A_40_6=default_40_6
USER root
ENV VAR_40_8=value_40_8 OTHER_40_8=${A_4_22}
COPY src/file_40_9.txt /app/dir_9/
LABEL org.example.l40_10="label 40_10"
ENV VAR_40_11=value_40_11 OTHER_40_11=${A_18_119}
COPY src/file_40_12.txt /app/dir_12/
WORKDIR /work/w0
ENV VAR_40_14=value_40_14 OTHER_40_14=${A_5_130}
USER root
RUN echo step 40_16 && mkdir -p /tmp/d40_16 && touch /tmp/d40_16/f
WORKDIR /work/w4
WORKDIR /work/w5
COPY src/file_40_19.txt /app/dir_2/
USER root
WORKDIR /work/w8
ARG A_40_22=default_40_22
USER root
RUN echo step 40_24 && mkdir -p /tmp/d40_24 && touch /tmp/d40_24/f
RUN echo step 40_25 && mkdir -p /tmp/d40_25 && touch /tmp/d40_25/f
WORKDIR /work/w0
COPY src/file_40_27.txt /app/dir_10/
USER root
RUN echo step 40_29 && mkdir -p /tmp/d40_29 && touch /tmp/d40_29/f
COPY src/file_40_30.txt /app/dir_13/
RUN echo step 40_31 && mkdir -p /tmp/d40_31 && touch /tmp/d40_31/f
RUN echo step 40_32 && mkdir -p /tmp/d40_32 && touch /tmp/d40_32/f
COPY src/file_40_33.txt /app/dir_16/
USER root
COPY src/file_40_35.txt /app/dir_1/
COPY src/file_40_36.txt /app/dir_2/
COPY src/file_40_37.txt /app/dir_3/
COPY --from=s39 /tmp /from-40_38/
EXPOSE 8039/tcp
RUN echo step 40_40 && mkdir -p /tmp/d40_40 && touch /tmp/d40_40/f
WORKDIR /work/w2
ENV VAR_40_42=value_40_42 OTHER_40_42=${A_32_73}
WORKDIR /work/w4
COPY src/file_40_44.txt /app/dir_10/
ARG A_40_45=default_40_45
ENV VAR_40_46=value_40_46 OTHER_40_46=${A_27_87}
EXPOSE 8047/tcp
ENV VAR_40_48=value_40_48 OTHER_40_48=${A_22_44}
COPY src/file_40_49.txt /app/dir_15/
ENV VAR_40_50=value_40_50 OTHER_40_50=${A_21_14}
RUN echo step 40_51 && mkdir -p /tmp/d40_51 && touch /tmp/d40_51/f
ENV VAR_40_52=value_40_52 OTHER_40_52=${A_35_23}
COPY src/file_40_53.txt /app/dir_2/
RUN echo step 40_54 && mkdir -p /tmp/d40_54 && touch /tmp/d40_54/f
RUN echo step 40_55 && mkdir -p /tmp/d40_55 && touch /tmp/d40_55/f
COPY src/file_40_56.txt /app/dir_5/
RUN echo step 40_57 && mkdir -p /tmp/d40_57 && touch /tmp/d40_57/f
RUN echo step 40_58 && mkdir -p /tmp/d40_58 && touch /tmp/d40_58/f
RUN echo step 40_59 && mkdir -p /tmp/d40_59 && touch /tmp/d40_59/f
COPY src/file_40_60.txt /app/dir_9/
COPY src/file_40_61.txt /app/dir_10/
WORKDIR /work/w10
COPY src/file_40_63.txt /app/dir_12/
WORKDIR /work/w12
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s40_65
WORKDIR /work/w1
COPY --from=s39 /tmp /from-40_67/
EXPOSE 8068/tcp
COPY src/file_40_69.txt /app/dir_1/
WORKDIR /work/w5
WORKDIR /work/w6
RUN echo step 40_72 && mkdir -p /tmp/d40_72 && touch /tmp/d40_72/f
RUN echo step 40_73 && mkdir -p /tmp/d40_73 && touch /tmp/d40_73/f
ENV VAR_40_74=value_40_74 OTHER_40_74=${A_33_100}
LABEL org.example.l40_75="label 40_75"
RUN echo step 40_76 && mkdir -p /tmp/d40_76 && touch /tmp/d40_76/f
EXPOSE 8077/tcp
COPY src/file_40_78.txt /app/dir_10/
ARG A_40_79=default_40_79
WORKDIR /work/w2
RUN echo step 40_81 && mkdir -p /tmp/d40_81 && touch /tmp/d40_81/f
ENV VAR_40_82=value_40_82 OTHER_40_82=${A_26_126}
RUN echo step 40_83 && mkdir -p /tmp/d40_83 && touch /tmp/d40_83/f
ENV VAR_40_84=value_40_84 OTHER_40_84=${A_33_89}
COPY --from=s39 /tmp /from-40_85/
COPY src/file_40_86.txt /app/dir_1/
ARG A_40_87=default_40_87
RUN echo step 40_88 && mkdir -p /tmp/d40_88 && touch /tmp/d40_88/f
RUN echo step 40_89 && mkdir -p /tmp/d40_89 && touch /tmp/d40_89/f
WORKDIR /work/w12
RUN echo step 40_91 && mkdir -p /tmp/d40_91 && touch /tmp/d40_91/f
RUN echo step 40_92 && mkdir -p /tmp/d40_92 && touch /tmp/d40_92/f
USER root
RUN echo step 40_94 && mkdir -p /tmp/d40_94 && touch /tmp/d40_94/f
USER root
COPY --from=s39 /tmp /from-40_96/
ARG A_40_97=default_40_97
COPY src/file_40_98.txt /app/dir_13/
WORKDIR /work/w8
RUN echo step 40_100 && mkdir -p /tmp/d40_100 && touch /tmp/d40_100/f
RUN echo step 40_101 && mkdir -p /tmp/d40_101 && touch /tmp/d40_101/f
COPY src/file_40_102.txt /app/dir_0/
LABEL org.example.l40_103="label 40_103"
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s40_104
WORKDIR /work/w1
COPY src/file_40_106.txt /app/dir_4/
RUN echo step 40_107 && mkdir -p /tmp/d40_107 && touch /tmp/d40_107/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s40_108
USER root
LABEL org.example.l40_110="label 40_110"
ENV VAR_40_111=value_40_111 OTHER_40_111=${A_1_63}
RUN echo step 40_112 && mkdir -p /tmp/d40_112 && touch /tmp/d40_112/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s40_113
COPY src/file_40_114.txt /app/dir_12/
COPY --from=s39 /tmp /from-40_115/
WORKDIR /work/w12
USER root
RUN echo step 40_118 && mkdir -p /tmp/d40_118 && touch /tmp/d40_118/f
COPY src/file_40_119.txt /app/dir_0/
COPY src/file_40_120.txt /app/dir_1/
WORKDIR /work/w4
RUN echo step 40_122 && mkdir -p /tmp/d40_122 && touch /tmp/d40_122/f
WORKDIR /work/w6
WORKDIR /work/w7
RUN echo step 40_125 && mkdir -p /tmp/d40_125 && touch /tmp/d40_125/f
COPY src/file_40_126.txt /app/dir_7/
ENV VAR_40_127=value_40_127 OTHER_40_127=${A_4_199}
COPY src/file_40_128.txt /app/dir_9/
RUN echo step 40_129 && mkdir -p /tmp/d40_129 && touch /tmp/d40_129/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s40_130
LABEL org.example.l40_131="label 40_131"
COPY src/file_40_132.txt /app/dir_13/
COPY --from=s39 /tmp /from-40_133/
WORKDIR /work/w4
RUN echo step 40_135 && mkdir -p /tmp/d40_135 && touch /tmp/d40_135/f
ARG A_40_136=default_40_136
LABEL org.example.l40_137="label 40_137"
COPY src/file_40_138.txt /app/dir_2/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s40_139
RUN echo step 40_140 && mkdir -p /tmp/d40_140 && touch /tmp/d40_140/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s40_141
ARG A_40_142=default_40_142
ENV VAR_40_143=value_40_143 OTHER_40_143=${A_22_20}
COPY src/file_40_144.txt /app/dir_8/
LABEL org.example.l40_145="label 40_145"
ENV VAR_40_146=value_40_146 OTHER_40_146=${A_3_58}
WORKDIR /work/w4
LABEL org.example.l40_148="label 40_148"
COPY src/file_40_149.txt /app/dir_13/
WORKDIR /work/w7
COPY src/file_40_151.txt /app/dir_15/
COPY src/file_40_152.txt /app/dir_16/
WORKDIR /work/w10
ENV VAR_40_154=value_40_154 OTHER_40_154=${A_4_148}
RUN echo step 40_155 && mkdir -p /tmp/d40_155 && touch /tmp/d40_155/f
RUN echo step 40_156 && mkdir -p /tmp/d40_156 && touch /tmp/d40_156/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s40_157
RUN echo step 40_158 && mkdir -p /tmp/d40_158 && touch /tmp/d40_158/f
COPY --from=s39 /tmp /from-40_159/
ENV VAR_40_160=value_40_160 OTHER_40_160=${A_24_188}
RUN echo step 40_161 && mkdir -p /tmp/d40_161 && touch /tmp/d40_161/f
RUN echo step 40_162 && mkdir -p /tmp/d40_162 && touch /tmp/d40_162/f
COPY --from=s39 /tmp /from-40_163/
COPY --from=s39 /tmp /from-40_164/
RUN echo step 40_165 && mkdir -p /tmp/d40_165 && touch /tmp/d40_165/f
ENV VAR_40_166=value_40_166 OTHER_40_166=${A_38_73}
ARG A_40_167=default_40_167
USER root
COPY src/file_40_169.txt /app/dir_16/
COPY src/file_40_170.txt /app/dir_0/
RUN echo step 40_171 && mkdir -p /tmp/d40_171 && touch /tmp/d40_171/f
ARG A_40_172=default_40_172
ARG A_40_173=default_40_173
ENV VAR_40_174=value_40_174 OTHER_40_174=${A_6_49}
LABEL org.example.l40_175="label 40_175"
WORKDIR /work/w7
COPY src/file_40_177.txt /app/dir_7/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s40_178
RUN echo step 40_179 && mkdir -p /tmp/d40_179 && touch /tmp/d40_179/f
ENV VAR_40_180=value_40_180 OTHER_40_180=${A_4_142}
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s40_181
WORKDIR /work/w0
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s40_183
ARG A_40_184=default_40_184
ENV VAR_40_185=value_40_185 OTHER_40_185=${A_35_178}
RUN echo step 40_186 && mkdir -p /tmp/d40_186 && touch /tmp/d40_186/f
ENV VAR_40_187=value_40_187 OTHER_40_187=${A_3_28}
WORKDIR /work/w6
WORKDIR /work/w7
LABEL org.example.l40_190="label 40_190"
ARG A_40_191=default_40_191
ENV VAR_40_192=value_40_192 OTHER_40_192=${A_24_37}
RUN echo step 40_193 && mkdir -p /tmp/d40_193 && touch /tmp/d40_193/f
ENV VAR_40_194=value_40_194 OTHER_40_194=${A_5_66}
COPY src/file_40_195.txt /app/dir_8/
COPY --from=s39 /tmp /from-40_196/
ENV VAR_40_197=value_40_197 OTHER_40_197=${A_39_78}
RUN echo step 40_198 && mkdir -p /tmp/d40_198 && touch /tmp/d40_198/f
WORKDIR /work/w4
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s41
RUN echo step 41_0 && mkdir -p /tmp/d41_0 && touch /tmp/d41_0/f
EXPOSE 8001/tcp
USER root
EXPOSE 8003/tcp
COPY src/file_41_4.txt /app/dir_4/
COPY --from=s40 /tmp /from-41_5/
RUN echo step 41_6 && mkdir -p /tmp/d41_6 && touch /tmp/d41_6/f
RUN echo step 41_7 && mkdir -p /tmp/d41_7 && touch /tmp/d41_7/f
WORKDIR /work/w8
WORKDIR /work/w9
COPY src/file_41_10.txt /app/dir_10/
COPY --from=s40 /tmp /from-41_11/
ENV VAR_41_12=value_41_12 OTHER_41_12=${A_11_93}
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s41_13
ARG A_41_14=default_41_14
ENV VAR_41_15=value_41_15 OTHER_41_15=${A_36_115}
COPY src/file_41_16.txt /app/dir_16/
ENV VAR_41_17=value_41_17 OTHER_41_17=${A_29_126}
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s41_18
LABEL org.example.l41_19="label 41_19"
RUN echo step 41_20 && mkdir -p /tmp/d41_20 && touch /tmp/d41_20/f
COPY src/file_41_21.txt /app/dir_4/
RUN echo step 41_22 && mkdir -p /tmp/d41_22 && touch /tmp/d41_22/f
RUN echo step 41_23 && mkdir -p /tmp/d41_23 && touch /tmp/d41_23/f
EXPOSE 8024/tcp
EXPOSE 8025/tcp
COPY src/file_41_26.txt /app/dir_9/
EXPOSE 8027/tcp
LABEL org.example.l41_28="label 41_28"
EXPOSE 8029/tcp
COPY src/file_41_30.txt /app/dir_13/
COPY src/file_41_31.txt /app/dir_14/
RUN echo step 41_32 && mkdir -p /tmp/d41_32 && touch /tmp/d41_32/f
RUN echo step 41_33 && mkdir -p /tmp/d41_33 && touch /tmp/d41_33/f
COPY src/file_41_34.txt /app/dir_0/
RUN echo step 41_35 && mkdir -p /tmp/d41_35 && touch /tmp/d41_35/f
COPY src/file_41_36.txt /app/dir_2/
COPY src/file_41_37.txt /app/dir_3/
RUN echo step 41_38 && mkdir -p /tmp/d41_38 && touch /tmp/d41_38/f
RUN echo step 41_39 && mkdir -p /tmp/d41_39 && touch /tmp/d41_39/f
ARG A_41_40=default_41_40
RUN echo step 41_41 && mkdir -p /tmp/d41_41 && touch /tmp/d41_41/f
RUN echo step 41_42 && mkdir -p /tmp/d41_42 && touch /tmp/d41_42/f
USER root
RUN echo step 41_44 && mkdir -p /tmp/d41_44 && touch /tmp/d41_44/f
COPY --from=s40 /tmp /from-41_45/
RUN echo step 41_46 && mkdir -p /tmp/d41_46 && touch /tmp/d41_46/f
LABEL org.example.l41_47="label 41_47"
COPY src/file_41_48.txt /app/dir_14/
USER root
EXPOSE 8050/tcp
LABEL org.example.l41_51="label 41_51"
COPY --from=s40 /tmp /from-41_52/
COPY --from=s40 /tmp /from-41_53/
EXPOSE 8054/tcp
COPY --from=s40 /tmp /from-41_55/
ENV VAR_41_56=value_41_56 OTHER_41_56=${A_36_115}
ENV VAR_41_57=value_41_57 OTHER_41_57=${A_28_84}
COPY src/file_41_58.txt /app/dir_7/
RUN echo step 41_59 && mkdir -p /tmp/d41_59 && touch /tmp/d41_59/f
USER root
ENV VAR_41_61=value_41_61 OTHER_41_61=${A_37_160}
WORKDIR /work/w10
RUN echo step 41_63 && mkdir -p /tmp/d41_63 && touch /tmp/d41_63/f
RUN echo step 41_64 && mkdir -p /tmp/d41_64 && touch /tmp/d41_64/f
RUN echo step 41_65 && mkdir -p /tmp/d41_65 && touch /tmp/d41_65/f
COPY src/file_41_66.txt /app/dir_15/
COPY src/file_41_67.txt /app/dir_16/
COPY src/file_41_68.txt /app/dir_0/
LABEL org.example.l41_69="label 41_69"
RUN echo step 41_70 && mkdir -p /tmp/d41_70 && touch /tmp/d41_70/f
RUN echo step 41_71 && mkdir -p /tmp/d41_71 && touch /tmp/d41_71/f
RUN echo step 41_72 && mkdir -p /tmp/d41_72 && touch /tmp/d41_72/f
ENV VAR_41_73=value_41_73 OTHER_41_73=${A_11_96}
RUN echo step 41_74 && mkdir -p /tmp/d41_74 && touch /tmp/d41_74/f
ARG A_41_75=default_41_75
COPY src/file_41_76.txt /app/dir_8/
RUN echo step 41_77 && mkdir -p /tmp/d41_77 && touch /tmp/d41_77/f
COPY src/file_41_78.txt /app/dir_10/
COPY src/file_41_79.txt /app/dir_11/
RUN echo step 41_80 && mkdir -p /tmp/d41_80 && touch /tmp/d41_80/f
COPY --from=s40 /tmp /from-41_81/
ENV VAR_41_82=value_41_82 OTHER_41_82=${A_20_162}
COPY --from=s40 /tmp /from-41_83/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s41_84
WORKDIR /work/w7
COPY src/file_41_86.txt /app/dir_1/
ENV VAR_41_87=value_41_87 OTHER_41_87=${A_10_160}
USER root
WORKDIR /work/w11
WORKDIR /work/w12
RUN echo step 41_91 && mkdir -p /tmp/d41_91 && touch /tmp/d41_91/f
COPY src/file_41_92.txt /app/dir_7/
COPY src/file_41_93.txt /app/dir_8/
WORKDIR /work/w3
COPY src/file_41_95.txt /app/dir_10/
ENV VAR_41_96=value_41_96 OTHER_41_96=${A_24_13}
EXPOSE 8097/tcp
USER root
COPY src/file_41_99.txt /app/dir_14/
ENV VAR_41_100=value_41_100 OTHER_41_100=${A_31_135}
COPY --from=s40 /tmp /from-41_101/
WORKDIR /work/w11
ENV VAR_41_103=value_41_103 OTHER_41_103=${A_5_36}
ENV VAR_41_104=value_41_104 OTHER_41_104=${A_29_49}
USER root
USER root
RUN echo step 41_107 && mkdir -p /tmp/d41_107 && touch /tmp/d41_107/f
RUN echo step 41_108 && mkdir -p /tmp/d41_108 && touch /tmp/d41_108/f
ENV VAR_41_109=value_41_109 OTHER_41_109=${A_20_143}
COPY src/file_41_110.txt /app/dir_8/
RUN echo step 41_111 && mkdir -p /tmp/d41_111 && touch /tmp/d41_111/f
RUN echo step 41_112 && mkdir -p /tmp/d41_112 && touch /tmp/d41_112/f
COPY src/file_41_113.txt /app/dir_11/
WORKDIR /work/w10
LABEL org.example.l41_115="label 41_115"
ENV VAR_41_116=value_41_116 OTHER_41_116=${A_12_158}
RUN echo step 41_117 && mkdir -p /tmp/d41_117 && touch /tmp/d41_117/f
EXPOSE 8118/tcp
ARG A_41_119=default_41_119
ARG A_41_120=default_41_120
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s41_121
ARG A_41_122=default_41_122
ENV VAR_41_123=value_41_123 OTHER_41_123=${A_31_190}
ENV VAR_41_124=value_41_124 OTHER_41_124=${A_22_81}
LABEL org.example.l41_125="label 41_125"
COPY src/file_41_126.txt /app/dir_7/
ENV VAR_41_127=value_41_127 OTHER_41_127=${A_30_99}
LABEL org.example.l41_128="label 41_128"
ENV VAR_41_129=value_41_129 OTHER_41_129=${A_18_82}
ENV VAR_41_130=value_41_130 OTHER_41_130=${A_8_50}
RUN echo step 41_131 && mkdir -p /tmp/d41_131 && touch /tmp/d41_131/f
LABEL org.example.l41_132="label 41_132"
COPY src/file_41_133.txt /app/dir_14/
RUN echo step 41_134 && mkdir -p /tmp/d41_134 && touch /tmp/d41_134/f
USER root
RUN echo step 41_136 && mkdir -p /tmp/d41_136 && touch /tmp/d41_136/f
EXPOSE 8137/tcp
EXPOSE 8138/tcp
WORKDIR /work/w9
COPY src/file_41_140.txt /app/dir_4/
COPY src/file_41_141.txt /app/dir_5/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s41_142
ENV VAR_41_143=value_41_143 OTHER_41_143=${A_23_156}
COPY src/file_41_144.txt /app/dir_8/
ARG A_41_145=default_41_145
ENV VAR_41_146=value_41_146 OTHER_41_146=${A_4_27}
LABEL org.example.l41_147="label 41_147"
COPY src/file_41_148.txt /app/dir_12/
WORKDIR /work/w6
WORKDIR /work/w7
ARG A_41_151=default_41_151
COPY src/file_41_152.txt /app/dir_16/
COPY src/file_41_153.txt /app/dir_0/
ENV VAR_41_154=value_41_154 OTHER_41_154=${A_25_31}
EXPOSE 8155/tcp
RUN echo step 41_156 && mkdir -p /tmp/d41_156 && touch /tmp/d41_156/f
WORKDIR /work/w1
RUN echo step 41_158 && mkdir -p /tmp/d41_158 && touch /tmp/d41_158/f
ENV VAR_41_159=value_41_159 OTHER_41_159=${A_18_119}
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s41_160
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s41_161
COPY src/file_41_162.txt /app/dir_9/
COPY src/file_41_163.txt /app/dir_10/
RUN echo step 41_164 && mkdir -p /tmp/d41_164 && touch /tmp/d41_164/f
COPY src/file_41_165.txt /app/dir_12/
ENV VAR_41_166=value_41_166 OTHER_41_166=${A_5_134}
WORKDIR /work/w11
COPY src/file_41_168.txt /app/dir_15/
ENV VAR_41_169=value_41_169 OTHER_41_169=${A_38_26}
LABEL org.example.l41_170="label 41_170"
RUN echo step 41_171 && mkdir -p /tmp/d41_171 && touch /tmp/d41_171/f
RUN echo step 41_172 && mkdir -p /tmp/d41_172 && touch /tmp/d41_172/f
EXPOSE 8173/tcp
LABEL org.example.l41_174="label 41_174"
COPY --from=s40 /tmp /from-41_175/
COPY src/file_41_176.txt /app/dir_6/
RUN echo step 41_177 && mkdir -p /tmp/d41_177 && touch /tmp/d41_177/f
EXPOSE 8178/tcp
COPY --from=s40 /tmp /from-41_179/
COPY src/file_41_180.txt /app/dir_10/
RUN echo step 41_181 && mkdir -p /tmp/d41_181 && touch /tmp/d41_181/f
ENV VAR_41_182=value_41_182 OTHER_41_182=${A_13_118}
ENV VAR_41_183=value_41_183 OTHER_41_183=${A_25_29}
ENV VAR_41_184=value_41_184 OTHER_41_184=${A_40_22}
USER root
ARG A_41_186=default_41_186
ENV VAR_41_187=value_41_187 OTHER_41_187=${A_23_195}
COPY src/file_41_188.txt /app/dir_1/
COPY src/file_41_189.txt /app/dir_2/
RUN echo step 41_190 && mkdir -p /tmp/d41_190 && touch /tmp/d41_190/f
RUN echo step 41_191 && mkdir -p /tmp/d41_191 && touch /tmp/d41_191/f
USER root
EXPOSE 8193/tcp
RUN echo step 41_194 && mkdir -p /tmp/d41_194 && touch /tmp/d41_194/f
ENV VAR_41_195=value_41_195 OTHER_41_195=${A_3_10}
COPY src/file_41_196.txt /app/dir_9/
COPY src/file_41_197.txt /app/dir_10/
WORKDIR /work/w3
COPY src/file_41_199.txt /app/dir_12/
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s42
RUN echo step 42_0 && mkdir -p /tmp/d42_0 && touch /tmp/d42_0/f
ENV VAR_42_1=value_42_1 OTHER_42_1=${A_8_136}
COPY --from=s41 /tmp /from-42_2/
USER root
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s42_4
USER root
COPY src/file_42_6.txt /app/dir_6/
RUN echo step 42_7 && mkdir -p /tmp/d42_7 && touch /tmp/d42_7/f
COPY src/file_42_8.txt /app/dir_8/
EXPOSE 8009/tcp
COPY src/file_42_10.txt /app/dir_10/
ENV VAR_42_11=value_42_11 OTHER_42_11=${A_22_138}
RUN echo step 42_12 && mkdir -p /tmp/d42_12 && touch /tmp/d42_12/f
ENV VAR_42_13=value_42_13 OTHER_42_13=${A_4_148}
ARG A_42_14=default_42_14
RUN echo step 42_15 && mkdir -p /tmp/d42_15 && touch /tmp/d42_15/f
ENV VAR_42_16=value_42_16 OTHER_42_16=${A_28_144}
RUN echo step 42_17 && mkdir -p /tmp/d42_17 && touch /tmp/d42_17/f
WORKDIR /work/w5
ENV VAR_42_19=value_42_19 OTHER_42_19=${A_26_4}
EXPOSE 8020/tcp
ENV VAR_42_21=value_42_21 OTHER_42_21=${A_39_2}
RUN echo step 42_22 && mkdir -p /tmp/d42_22 && touch /tmp/d42_22/f
ARG A_42_23=default_42_23
COPY src/file_42_24.txt /app/dir_7/
RUN echo step 42_25 && mkdir -p /tmp/d42_25 && touch /tmp/d42_25/f
RUN echo step 42_26 && mkdir -p /tmp/d42_26 && touch /tmp/d42_26/f
COPY src/file_42_27.txt /app/dir_10/
RUN echo step 42_28 && mkdir -p /tmp/d42_28 && touch /tmp/d42_28/f
RUN echo step 42_29 && mkdir -p /tmp/d42_29 && touch /tmp/d42_29/f
COPY src/file_42_30.txt /app/dir_13/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s42_31
COPY src/file_42_32.txt /app/dir_15/
WORKDIR /work/w7
COPY src/file_42_34.txt /app/dir_0/
RUN echo step 42_35 && mkdir -p /tmp/d42_35 && touch /tmp/d42_35/f
RUN echo step 42_36 && mkdir -p /tmp/d42_36 && touch /tmp/d42_36/f
COPY --from=s41 /tmp /from-42_37/
USER root
EXPOSE 8039/tcp
RUN echo step 42_40 && mkdir -p /tmp/d42_40 && touch /tmp/d42_40/f
COPY src/file_42_41.txt /app/dir_7/
COPY src/file_42_42.txt /app/dir_8/
RUN echo step 42_43 && mkdir -p /tmp/d42_43 && touch /tmp/d42_43/f
RUN echo step 42_44 && mkdir -p /tmp/d42_44 && touch /tmp/d42_44/f
RUN echo step 42_45 && mkdir -p /tmp/d42_45 && touch /tmp/d42_45/f
COPY --from=s41 /tmp /from-42_46/
RUN echo step 42_47 && mkdir -p /tmp/d42_47 && touch /tmp/d42_47/f
WORKDIR /work/w9
COPY src/file_42_49.txt /app/dir_15/
ENV VAR_42_50=value_42_50 OTHER_42_50=${A_16_60}
WORKDIR /work/w12
RUN echo step 42_52 && mkdir -p /tmp/d42_52 && touch /tmp/d42_52/f
COPY src/file_42_53.txt /app/dir_2/
RUN echo step 42_54 && mkdir -p /tmp/d42_54 && touch /tmp/d42_54/f
COPY src/file_42_55.txt /app/dir_4/
USER root
RUN echo step 42_57 && mkdir -p /tmp/d42_57 && touch /tmp/d42_57/f
ENV VAR_42_58=value_42_58 OTHER_42_58=${A_8_63}
COPY src/file_42_59.txt /app/dir_8/
RUN echo step 42_60 && mkdir -p /tmp/d42_60 && touch /tmp/d42_60/f
RUN echo step 42_61 && mkdir -p /tmp/d42_61 && touch /tmp/d42_61/f
COPY src/file_42_62.txt /app/dir_11/
RUN echo step 42_63 && mkdir -p /tmp/d42_63 && touch /tmp/d42_63/f
COPY src/file_42_64.txt /app/dir_13/
LABEL org.example.l42_65="label 42_65"
ARG A_42_66=default_42_66
RUN echo step 42_67 && mkdir -p /tmp/d42_67 && touch /tmp/d42_67/f
LABEL org.example.l42_68="label 42_68"
ENV VAR_42_69=value_42_69 OTHER_42_69=${A_4_90}
WORKDIR /work/w5
COPY src/file_42_71.txt /app/dir_3/
COPY src/file_42_72.txt /app/dir_4/
COPY src/file_42_73.txt /app/dir_5/
ARG A_42_74=default_42_74
RUN echo step 42_75 && mkdir -p /tmp/d42_75 && touch /tmp/d42_75/f
COPY --from=s41 /tmp /from-42_76/
ARG A_42_77=default_42_77
WORKDIR /work/w0
RUN echo step 42_79 && mkdir -p /tmp/d42_79 && touch /tmp/d42_79/f
USER root
ENV VAR_42_81=value_42_81 OTHER_42_81=${A_36_57}
RUN echo step 42_82 && mkdir -p /tmp/d42_82 && touch /tmp/d42_82/f
RUN echo step 42_83 && mkdir -p /tmp/d42_83 && touch /tmp/d42_83/f
COPY src/file_42_84.txt /app/dir_16/
ENV VAR_42_85=value_42_85 OTHER_42_85=${A_36_153}
RUN echo step 42_86 && mkdir -p /tmp/d42_86 && touch /tmp/d42_86/f
RUN echo step 42_87 && mkdir -p /tmp/d42_87 && touch /tmp/d42_87/f
RUN echo step 42_88 && mkdir -p /tmp/d42_88 && touch /tmp/d42_88/f
RUN echo step 42_89 && mkdir -p /tmp/d42_89 && touch /tmp/d42_89/f
COPY src/file_42_90.txt /app/dir_5/
COPY src/file_42_91.txt /app/dir_6/
COPY --from=s41 /tmp /from-42_92/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s42_93
ARG A_42_94=default_42_94
RUN echo step 42_95 && mkdir -p /tmp/d42_95 && touch /tmp/d42_95/f
ENV VAR_42_96=value_42_96 OTHER_42_96=${A_9_105}
COPY src/file_42_97.txt /app/dir_12/
LABEL org.example.l42_98="label 42_98"
COPY --from=s41 /tmp /from-42_99/
WORKDIR /work/w9
EXPOSE 8101/tcp
RUN echo step 42_102 && mkdir -p /tmp/d42_102 && touch /tmp/d42_102/f
USER root
COPY --from=s41 /tmp /from-42_104/
COPY src/file_42_105.txt /app/dir_3/
WORKDIR /work/w2
RUN echo step 42_107 && mkdir -p /tmp/d42_107 && touch /tmp/d42_107/f
RUN echo step 42_108 && mkdir -p /tmp/d42_108 && touch /tmp/d42_108/f
COPY src/file_42_109.txt /app/dir_7/
RUN echo step 42_110 && mkdir -p /tmp/d42_110 && touch /tmp/d42_110/f
COPY --from=s41 /tmp /from-42_111/
ARG A_42_112=default_42_112
RUN echo step 42_113 && mkdir -p /tmp/d42_113 && touch /tmp/d42_113/f
ENV VAR_42_114=value_42_114 OTHER_42_114=${A_10_131}
ARG A_42_115=default_42_115
ENV VAR_42_116=value_42_116 OTHER_42_116=${A_35_67}
COPY src/file_42_117.txt /app/dir_15/
RUN echo step 42_118 && mkdir -p /tmp/d42_118 && touch /tmp/d42_118/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s42_119
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s42_120
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s42_121
COPY src/file_42_122.txt /app/dir_3/
RUN echo step 42_123 && mkdir -p /tmp/d42_123 && touch /tmp/d42_123/f
EXPOSE 8124/tcp
COPY src/file_42_125.txt /app/dir_6/
RUN echo step 42_126 && mkdir -p /tmp/d42_126 && touch /tmp/d42_126/f
WORKDIR /work/w10
ENV VAR_42_128=value_42_128 OTHER_42_128=${A_9_69}
WORKDIR /work/w12
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s42_130
COPY --from=s41 /tmp /from-42_131/
COPY src/file_42_132.txt /app/dir_13/
USER root
USER root
RUN echo step 42_135 && mkdir -p /tmp/d42_135 && touch /tmp/d42_135/f
USER root
COPY src/file_42_137.txt /app/dir_1/
LABEL org.example.l42_138="label 42_138"
WORKDIR /work/w9
RUN echo step 42_140 && mkdir -p /tmp/d42_140 && touch /tmp/d42_140/f
COPY src/file_42_141.txt /app/dir_5/
ENV VAR_42_142=value_42_142 OTHER_42_142=${A_36_132}
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s42_143
RUN echo step 42_144 && mkdir -p /tmp/d42_144 && touch /tmp/d42_144/f
RUN echo step 42_145 && mkdir -p /tmp/d42_145 && touch /tmp/d42_145/f
WORKDIR /work/w3
RUN echo step 42_147 && mkdir -p /tmp/d42_147 && touch /tmp/d42_147/f
COPY src/file_42_148.txt /app/dir_12/
RUN echo step 42_149 && mkdir -p /tmp/d42_149 && touch /tmp/d42_149/f
COPY src/file_42_150.txt /app/dir_14/
COPY --from=s41 /tmp /from-42_151/
ENV VAR_42_152=value_42_152 OTHER_42_152=${A_0_198}
WORKDIR /work/w10
LABEL org.example.l42_154="label 42_154"
ENV VAR_42_155=value_42_155 OTHER_42_155=${A_4_13}
RUN echo step 42_156 && mkdir -p /tmp/d42_156 && touch /tmp/d42_156/f
ARG A_42_157=default_42_157
ENV VAR_42_158=value_42_158 OTHER_42_158=${A_25_46}
ARG A_42_159=default_42_159
USER root
ARG A_42_161=default_42_161
RUN echo step 42_162 && mkdir -p /tmp/d42_162 && touch /tmp/d42_162/f
ARG A_42_163=default_42_163
COPY --from=s41 /tmp /from-42_164/
COPY src/file_42_165.txt /app/dir_12/
RUN echo step 42_166 && mkdir -p /tmp/d42_166 && touch /tmp/d42_166/f
ARG A_42_167=default_42_167
RUN echo step 42_168 && mkdir -p /tmp/d42_168 && touch /tmp/d42_168/f
ARG A_42_169=default_42_169
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s42_170
RUN echo step 42_171 && mkdir -p /tmp/d42_171 && touch /tmp/d42_171/f
COPY src/file_42_172.txt /app/dir_2/
COPY src/file_42_173.txt /app/dir_3/
LABEL org.example.l42_174="label 42_174"
COPY src/file_42_175.txt /app/dir_5/
ARG A_42_176=default_42_176
ARG A_42_177=default_42_177
COPY --from=s41 /tmp /from-42_178/
ENV VAR_42_179=value_42_179 OTHER_42_179=${A_23_62}
RUN echo step 42_180 && mkdir -p /tmp/d42_180 && touch /tmp/d42_180/f
ENV VAR_42_181=value_42_181 OTHER_42_181=${A_7_62}
ARG A_42_182=default_42_182
COPY --from=s41 /tmp /from-42_183/
ENV VAR_42_184=value_42_184 OTHER_42_184=${A_14_120}
ENV VAR_42_185=value_42_185 OTHER_42_185=${A_34_35}
EXPOSE 8186/tcp
ARG A_42_187=default_42_187
COPY src/file_42_188.txt /app/dir_1/
ARG A_42_189=default_42_189
COPY src/file_42_190.txt /app/dir_3/
COPY src/file_42_191.txt /app/dir_4/
WORKDIR /work/w10
ENV VAR_42_193=value_42_193 OTHER_42_193=${A_36_198}
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s42_194
WORKDIR /work/w0
RUN echo step 42_196 && mkdir -p /tmp/d42_196 && touch /tmp/d42_196/f
RUN echo step 42_197 && mkdir -p /tmp/d42_197 && touch /tmp/d42_197/f
COPY src/file_42_198.txt /app/dir_11/
LABEL org.example.l42_199="label 42_199"
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s43
LABEL org.example.l43_0="label 43_0"
RUN echo step 43_1 && mkdir -p /tmp/d43_1 && touch /tmp/d43_1/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s43_2
COPY src/file_43_3.txt /app/dir_3/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s43_4
RUN echo step 43_5 && mkdir -p /tmp/d43_5 && touch /tmp/d43_5/f
RUN echo step 43_6 && mkdir -p /tmp/d43_6 && touch /tmp/d43_6/f
COPY src/file_43_7.txt /app/dir_7/
COPY src/file_43_8.txt /app/dir_8/
RUN echo step 43_9 && mkdir -p /tmp/d43_9 && touch /tmp/d43_9/f
ENV VAR_43_10=value_43_10 OTHER_43_10=${A_29_172}
ARG A_43_11=default_43_11
LABEL org.example.l43_12="label 43_12"
COPY src/file_43_13.txt /app/dir_13/
COPY src/file_43_14.txt /app/dir_14/
COPY --from=s42 /tmp /from-43_15/
RUN echo step 43_16 && mkdir -p /tmp/d43_16 && touch /tmp/d43_16/f
ENV VAR_43_17=value_43_17 OTHER_43_17=${A_11_0}
LABEL org.example.l43_18="label 43_18"
COPY src/file_43_19.txt /app/dir_2/
RUN echo step 43_20 && mkdir -p /tmp/d43_20 && touch /tmp/d43_20/f
RUN echo step 43_21 && mkdir -p /tmp/d43_21 && touch /tmp/d43_21/f
ENV VAR_43_22=value_43_22 OTHER_43_22=${A_14_59}
ENV VAR_43_23=value_43_23 OTHER_43_23=${A_24_55}
RUN echo step 43_24 && mkdir -p /tmp/d43_24 && touch /tmp/d43_24/f
COPY --from=s42 /tmp /from-43_25/
COPY src/file_43_26.txt /app/dir_9/
RUN echo step 43_27 && mkdir -p /tmp/d43_27 && touch /tmp/d43_27/f
USER root
ENV VAR_43_29=value_43_29 OTHER_43_29=${A_24_13}
RUN echo step 43_30 && mkdir -p /tmp/d43_30 && touch /tmp/d43_30/f
RUN echo step 43_31 && mkdir -p /tmp/d43_31 && touch /tmp/d43_31/f
ENV VAR_43_32=value_43_32 OTHER_43_32=${A_9_143}
ENV VAR_43_33=value_43_33 OTHER_43_33=${A_36_0}
COPY --from=s42 /tmp /from-43_34/
RUN echo step 43_35 && mkdir -p /tmp/d43_35 && touch /tmp/d43_35/f
COPY src/file_43_36.txt /app/dir_2/
COPY src/file_43_37.txt /app/dir_3/
RUN echo step 43_38 && mkdir -p /tmp/d43_38 && touch /tmp/d43_38/f
RUN echo step 43_39 && mkdir -p /tmp/d43_39 && touch /tmp/d43_39/f
COPY src/file_43_40.txt /app/dir_6/
COPY src/file_43_41.txt /app/dir_7/
ENV VAR_43_42=value_43_42 OTHER_43_42=${A_25_17}
ENV VAR_43_43=value_43_43 OTHER_43_43=${A_14_21}
ENV VAR_43_44=value_43_44 OTHER_43_44=${A_0_43}
WORKDIR /work/w6
RUN echo step 43_46 && mkdir -p /tmp/d43_46 && touch /tmp/d43_46/f
COPY --from=s42 /tmp /from-43_47/
ENV VAR_43_48=value_43_48 OTHER_43_48=${A_35_92}
ENV VAR_43_49=value_43_49 OTHER_43_49=${A_16_48}
RUN echo step 43_50 && mkdir -p /tmp/d43_50 && touch /tmp/d43_50/f
ENV VAR_43_51=value_43_51 OTHER_43_51=${A_22_169}
COPY --from=s42 /tmp /from-43_52/
COPY src/file_43_53.txt /app/dir_2/
RUN echo step 43_54 && mkdir -p /tmp/d43_54 && touch /tmp/d43_54/f
ENV VAR_43_55=value_43_55 OTHER_43_55=${A_22_22}
ARG A_43_56=default_43_56
LABEL org.example.l43_57="label 43_57"
COPY src/file_43_58.txt /app/dir_7/
COPY src/file_43_59.txt /app/dir_8/
ENV VAR_43_60=value_43_60 OTHER_43_60=${A_40_136}
ENV VAR_43_61=value_43_61 OTHER_43_61=${A_6_117}
ARG A_43_62=default_43_62
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s43_63
WORKDIR /work/w12
ENV VAR_43_65=value_43_65 OTHER_43_65=${A_21_77}
WORKDIR /work/w1
RUN echo step 43_67 && mkdir -p /tmp/d43_67 && touch /tmp/d43_67/f
RUN echo step 43_68 && mkdir -p /tmp/d43_68 && touch /tmp/d43_68/f
WORKDIR /work/w4
EXPOSE 8070/tcp
COPY src/file_43_71.txt /app/dir_3/
USER root
WORKDIR /work/w8
RUN echo step 43_74 && mkdir -p /tmp/d43_74 && touch /tmp/d43_74/f
WORKDIR /work/w10
COPY src/file_43_76.txt /app/dir_8/
WORKDIR /work/w12
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s43_78
ARG A_43_79=default_43_79
RUN echo step 43_80 && mkdir -p /tmp/d43_80 && touch /tmp/d43_80/f
LABEL org.example.l43_81="label 43_81"
COPY --from=s42 /tmp /from-43_82/
WORKDIR /work/w5
EXPOSE 8084/tcp
RUN echo step 43_85 && mkdir -p /tmp/d43_85 && touch /tmp/d43_85/f
WORKDIR /work/w8
RUN echo step 43_87 && mkdir -p /tmp/d43_87 && touch /tmp/d43_87/f
EXPOSE 8088/tcp
COPY src/file_43_89.txt /app/dir_4/
COPY src/file_43_90.txt /app/dir_5/
RUN echo step 43_91 && mkdir -p /tmp/d43_91 && touch /tmp/d43_91/f
RUN echo step 43_92 && mkdir -p /tmp/d43_92 && touch /tmp/d43_92/f
ENV VAR_43_93=value_43_93 OTHER_43_93=${A_40_87}
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s43_94
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s43_95
LABEL org.example.l43_96="label 43_96"
COPY src/file_43_97.txt /app/dir_12/
RUN echo step 43_98 && mkdir -p /tmp/d43_98 && touch /tmp/d43_98/f
WORKDIR /work/w8
USER root
COPY src/file_43_101.txt /app/dir_16/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s43_102
COPY src/file_43_103.txt /app/dir_1/
COPY src/file_43_104.txt /app/dir_2/
WORKDIR /work/w1
EXPOSE 8106/tcp
COPY --from=s42 /tmp /from-43_107/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s43_108
RUN echo step 43_109 && mkdir -p /tmp/d43_109 && touch /tmp/d43_109/f
RUN echo step 43_110 && mkdir -p /tmp/d43_110 && touch /tmp/d43_110/f
ENV VAR_43_111=value_43_111 OTHER_43_111=${A_12_170}
COPY src/file_43_112.txt /app/dir_10/
RUN echo step 43_113 && mkdir -p /tmp/d43_113 && touch /tmp/d43_113/f
RUN echo step 43_114 && mkdir -p /tmp/d43_114 && touch /tmp/d43_114/f
COPY src/file_43_115.txt /app/dir_13/
ENV VAR_43_116=value_43_116 OTHER_43_116=${A_24_6}
USER root
RUN echo step 43_118 && mkdir -p /tmp/d43_118 && touch /tmp/d43_118/f
RUN echo step 43_119 && mkdir -p /tmp/d43_119 && touch /tmp/d43_119/f
LABEL org.example.l43_120="label 43_120"
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s43_121
RUN echo step 43_122 && mkdir -p /tmp/d43_122 && touch /tmp/d43_122/f
ENV VAR_43_123=value_43_123 OTHER_43_123=${A_7_177}
ENV VAR_43_124=value_43_124 OTHER_43_124=${A_28_175}
RUN echo step 43_125 && mkdir -p /tmp/d43_125 && touch /tmp/d43_125/f
RUN echo step 43_126 && mkdir -p /tmp/d43_126 && touch /tmp/d43_126/f
ENV VAR_43_127=value_43_127 OTHER_43_127=${A_6_22}
COPY src/file_43_128.txt /app/dir_9/
RUN echo step 43_129 && mkdir -p /tmp/d43_129 && touch /tmp/d43_129/f
COPY src/file_43_130.txt /app/dir_11/
RUN echo step 43_131 && mkdir -p /tmp/d43_131 && touch /tmp/d43_131/f
COPY src/file_43_132.txt /app/dir_13/
ENV VAR_43_133=value_43_133 OTHER_43_133=${A_31_153}
ARG A_43_134=default_43_134
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s43_135
RUN echo step 43_136 && mkdir -p /tmp/d43_136 && touch /tmp/d43_136/f
USER root
ENV VAR_43_138=value_43_138 OTHER_43_138=${A_18_80}
COPY src/file_43_139.txt /app/dir_3/
RUN echo step 43_140 && mkdir -p /tmp/d43_140 && touch /tmp/d43_140/f
LABEL org.example.l43_141="label 43_141"
COPY src/file_43_142.txt /app/dir_6/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s43_143
LABEL org.example.l43_144="label 43_144"
USER root
RUN echo step 43_146 && mkdir -p /tmp/d43_146 && touch /tmp/d43_146/f
ARG A_43_147=default_43_147
COPY src/file_43_148.txt /app/dir_12/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s43_149
ENV VAR_43_150=value_43_150 OTHER_43_150=${A_28_0}
RUN echo step 43_151 && mkdir -p /tmp/d43_151 && touch /tmp/d43_151/f
RUN echo step 43_152 && mkdir -p /tmp/d43_152 && touch /tmp/d43_152/f
RUN echo step 43_153 && mkdir -p /tmp/d43_153 && touch /tmp/d43_153/f
COPY src/file_43_154.txt /app/dir_1/
RUN echo step 43_155 && mkdir -p /tmp/d43_155 && touch /tmp/d43_155/f
WORKDIR /work/w0
RUN echo step 43_157 && mkdir -p /tmp/d43_157 && touch /tmp/d43_157/f
RUN echo step 43_158 && mkdir -p /tmp/d43_158 && touch /tmp/d43_158/f
ARG A_43_159=default_43_159
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s43_160
COPY src/file_43_161.txt /app/dir_8/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s43_162
ENV VAR_43_163=value_43_163 OTHER_43_163=${A_24_55}
RUN echo step 43_164 && mkdir -p /tmp/d43_164 && touch /tmp/d43_164/f
RUN echo step 43_165 && mkdir -p /tmp/d43_165 && touch /tmp/d43_165/f
COPY src/file_43_166.txt /app/dir_13/
RUN echo step 43_167 && mkdir -p /tmp/d43_167 && touch /tmp/d43_167/f
COPY src/file_43_168.txt /app/dir_15/
RUN echo step 43_169 && mkdir -p /tmp/d43_169 && touch /tmp/d43_169/f
ENV VAR_43_170=value_43_170 OTHER_43_170=${A_11_35}
ARG A_43_171=default_43_171
RUN echo step 43_172 && mkdir -p /tmp/d43_172 && touch /tmp/d43_172/f
RUN echo step 43_173 && mkdir -p /tmp/d43_173 && touch /tmp/d43_173/f
COPY src/file_43_174.txt /app/dir_4/
ENV VAR_43_175=value_43_175 OTHER_43_175=${A_2_49}
COPY src/file_43_176.txt /app/dir_6/
COPY --from=s42 /tmp /from-43_177/
ARG A_43_178=default_43_178
COPY src/file_43_179.txt /app/dir_9/
WORKDIR /work/w11
COPY src/file_43_181.txt /app/dir_11/
COPY src/file_43_182.txt /app/dir_12/
RUN echo step 43_183 && mkdir -p /tmp/d43_183 && touch /tmp/d43_183/f
EXPOSE 8184/tcp
RUN echo step 43_185 && mkdir -p /tmp/d43_185 && touch /tmp/d43_185/f
RUN echo step 43_186 && mkdir -p /tmp/d43_186 && touch /tmp/d43_186/f
COPY src/file_43_187.txt /app/dir_0/
ARG A_43_188=default_43_188
COPY --from=s42 /tmp /from-43_189/
WORKDIR /work/w8
COPY --from=s42 /tmp /from-43_191/
ENV VAR_43_192=value_43_192 OTHER_43_192=${A_7_128}
COPY src/file_43_193.txt /app/dir_6/
RUN echo step 43_194 && mkdir -p /tmp/d43_194 && touch /tmp/d43_194/f
ARG A_43_195=default_43_195
ENV VAR_43_196=value_43_196 OTHER_43_196=${A_43_134}
ENV VAR_43_197=value_43_197 OTHER_43_197=${A_13_125}
ENV VAR_43_198=value_43_198 OTHER_43_198=${A_36_11}
RUN echo step 43_199 && mkdir -p /tmp/d43_199 && touch /tmp/d43_199/f
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s44
ENV VAR_44_0=value_44_0 OTHER_44_0=${A_16_145}
RUN echo step 44_1 && mkdir -p /tmp/d44_1 && touch /tmp/d44_1/f
EXPOSE 8002/tcp
COPY src/file_44_3.txt /app/dir_3/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s44_4
COPY src/file_44_5.txt /app/dir_5/
RUN echo step 44_6 && mkdir -p /tmp/d44_6 && touch /tmp/d44_6/f
LABEL org.example.l44_7="label 44_7"
ENV VAR_44_8=value_44_8 OTHER_44_8=${A_42_66}
COPY src/file_44_9.txt /app/dir_9/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s44_10
ENV VAR_44_11=value_44_11 OTHER_44_11=${A_21_69}
COPY --from=s43 /tmp /from-44_12/
WORKDIR /work/w0
ENV VAR_44_14=value_44_14 OTHER_44_14=${A_18_130}
USER root
RUN echo step 44_16 && mkdir -p /tmp/d44_16 && touch /tmp/d44_16/f
ARG A_44_17=default_44_17
RUN echo step 44_18 && mkdir -p /tmp/d44_18 && touch /tmp/d44_18/f
RUN echo step 44_19 && mkdir -p /tmp/d44_19 && touch /tmp/d44_19/f
WORKDIR /work/w7
COPY src/file_44_21.txt /app/dir_4/
LABEL org.example.l44_22="label 44_22"
USER root
ARG A_44_24=default_44_24
LABEL org.example.l44_25="label 44_25"
COPY src/file_44_26.txt /app/dir_9/
LABEL org.example.l44_27="label 44_27"
COPY src/file_44_28.txt /app/dir_11/
LABEL org.example.l44_29="label 44_29"
RUN echo step 44_30 && mkdir -p /tmp/d44_30 && touch /tmp/d44_30/f
RUN echo step 44_31 && mkdir -p /tmp/d44_31 && touch /tmp/d44_31/f
LABEL org.example.l44_32="label 44_32"
COPY src/file_44_33.txt /app/dir_16/
EXPOSE 8034/tcp
EXPOSE 8035/tcp
ARG A_44_36=default_44_36
ENV VAR_44_37=value_44_37 OTHER_44_37=${A_26_46}
RUN echo step 44_38 && mkdir -p /tmp/d44_38 && touch /tmp/d44_38/f
EXPOSE 8039/tcp
COPY src/file_44_40.txt /app/dir_6/
RUN echo step 44_41 && mkdir -p /tmp/d44_41 && touch /tmp/d44_41/f
LABEL org.example.l44_42="label 44_42"
COPY --from=s43 /tmp /from-44_43/
RUN echo step 44_44 && mkdir -p /tmp/d44_44 && touch /tmp/d44_44/f
LABEL org.example.l44_45="label 44_45"
EXPOSE 8046/tcp
RUN echo step 44_47 && mkdir -p /tmp/d44_47 && touch /tmp/d44_47/f
WORKDIR /work/w9
EXPOSE 8049/tcp
USER root
RUN echo step 44_51 && mkdir -p /tmp/d44_51 && touch /tmp/d44_51/f
EXPOSE 8052/tcp
USER root
RUN echo step 44_54 && mkdir -p /tmp/d44_54 && touch /tmp/d44_54/f
LABEL org.example.l44_55="label 44_55"
ARG A_44_56=default_44_56
RUN echo step 44_57 && mkdir -p /tmp/d44_57 && touch /tmp/d44_57/f
RUN echo step 44_58 && mkdir -p /tmp/d44_58 && touch /tmp/d44_58/f
COPY src/file_44_59.txt /app/dir_8/
ENV VAR_44_60=value_44_60 OTHER_44_60=${A_26_126}
USER root
ENV VAR_44_62=value_44_62 OTHER_44_62=${A_32_38}
RUN echo step 44_63 && mkdir -p /tmp/d44_63 && touch /tmp/d44_63/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s44_64
WORKDIR /work/w0
RUN echo step 44_66 && mkdir -p /tmp/d44_66 && touch /tmp/d44_66/f
RUN echo step 44_67 && mkdir -p /tmp/d44_67 && touch /tmp/d44_67/f
COPY src/file_44_68.txt /app/dir_0/
RUN echo step 44_69 && mkdir -p /tmp/d44_69 && touch /tmp/d44_69/f
COPY src/file_44_70.txt /app/dir_2/
RUN echo step 44_71 && mkdir -p /tmp/d44_71 && touch /tmp/d44_71/f
COPY src/file_44_72.txt /app/dir_4/
WORKDIR /work/w8
ENV VAR_44_74=value_44_74 OTHER_44_74=${A_22_77}
RUN echo step 44_75 && mkdir -p /tmp/d44_75 && touch /tmp/d44_75/f
COPY src/file_44_76.txt /app/dir_8/
RUN echo step 44_77 && mkdir -p /tmp/d44_77 && touch /tmp/d44_77/f
RUN echo step 44_78 && mkdir -p /tmp/d44_78 && touch /tmp/d44_78/f
EXPOSE 8079/tcp
ARG A_44_80=default_44_80
ENV VAR_44_81=value_44_81 OTHER_44_81=${A_34_35}
ENV VAR_44_82=value_44_82 OTHER_44_82=${A_32_145}
ENV VAR_44_83=value_44_83 OTHER_44_83=${A_26_121}
RUN echo step 44_84 && mkdir -p /tmp/d44_84 && touch /tmp/d44_84/f
USER root
COPY src/file_44_86.txt /app/dir_1/
RUN echo step 44_87 && mkdir -p /tmp/d44_87 && touch /tmp/d44_87/f
WORKDIR /work/w10
RUN echo step 44_89 && mkdir -p /tmp/d44_89 && touch /tmp/d44_89/f
COPY src/file_44_90.txt /app/dir_5/
RUN echo step 44_91 && mkdir -p /tmp/d44_91 && touch /tmp/d44_91/f
COPY src/file_44_92.txt /app/dir_7/
USER root
COPY src/file_44_94.txt /app/dir_9/
RUN echo step 44_95 && mkdir -p /tmp/d44_95 && touch /tmp/d44_95/f
COPY src/file_44_96.txt /app/dir_11/
RUN echo step 44_97 && mkdir -p /tmp/d44_97 && touch /tmp/d44_97/f
RUN echo step 44_98 && mkdir -p /tmp/d44_98 && touch /tmp/d44_98/f
RUN echo step 44_99 && mkdir -p /tmp/d44_99 && touch /tmp/d44_99/f
EXPOSE 8100/tcp
USER root
RUN echo step 44_102 && mkdir -p /tmp/d44_102 && touch /tmp/d44_102/f
RUN echo step 44_103 && mkdir -p /tmp/d44_103 && touch /tmp/d44_103/f
ENV VAR_44_104=value_44_104 OTHER_44_104=${A_35_16}
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s44_105
COPY --from=s43 /tmp /from-44_106/
COPY src/file_44_107.txt /app/dir_5/
LABEL org.example.l44_108="label 44_108"
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s44_109
COPY --from=s43 /tmp /from-44_110/
LABEL org.example.l44_111="label 44_111"
RUN echo step 44_112 && mkdir -p /tmp/d44_112 && touch /tmp/d44_112/f
COPY src/file_44_113.txt /app/dir_11/
ENV VAR_44_114=value_44_114 OTHER_44_114=${A_15_9}
RUN echo step 44_115 && mkdir -p /tmp/d44_115 && touch /tmp/d44_115/f
LABEL org.example.l44_116="label 44_116"
LABEL org.example.l44_117="label 44_117"
RUN echo step 44_118 && mkdir -p /tmp/d44_118 && touch /tmp/d44_118/f
COPY src/file_44_119.txt /app/dir_0/
ARG A_44_120=default_44_120
ENV VAR_44_121=value_44_121 OTHER_44_121=${A_14_102}
COPY src/file_44_122.txt /app/dir_3/
WORKDIR /work/w6
ENV VAR_44_124=value_44_124 OTHER_44_124=${A_18_80}
COPY src/file_44_125.txt /app/dir_6/
WORKDIR /work/w9
RUN echo step 44_127 && mkdir -p /tmp/d44_127 && touch /tmp/d44_127/f
ENV VAR_44_128=value_44_128 OTHER_44_128=${A_37_139}
LABEL org.example.l44_129="label 44_129"
LABEL org.example.l44_130="label 44_130"
COPY src/file_44_131.txt /app/dir_12/
LABEL org.example.l44_132="label 44_132"
ENV VAR_44_133=value_44_133 OTHER_44_133=${A_33_198}
RUN echo step 44_134 && mkdir -p /tmp/d44_134 && touch /tmp/d44_134/f
EXPOSE 8135/tcp
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s44_136
ARG A_44_137=default_44_137
COPY src/file_44_138.txt /app/dir_2/
RUN echo step 44_139 && mkdir -p /tmp/d44_139 && touch /tmp/d44_139/f
WORKDIR /work/w10
COPY src/file_44_141.txt /app/dir_5/
COPY src/file_44_142.txt /app/dir_6/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s44_143
ARG A_44_144=default_44_144
USER root
COPY --from=s43 /tmp /from-44_146/
RUN echo step 44_147 && mkdir -p /tmp/d44_147 && touch /tmp/d44_147/f
EXPOSE 8148/tcp
USER root
WORKDIR /work/w7
ARG A_44_151=default_44_151
LABEL org.example.l44_152="label 44_152"
RUN echo step 44_153 && mkdir -p /tmp/d44_153 && touch /tmp/d44_153/f
ENV VAR_44_154=value_44_154 OTHER_44_154=${A_14_144}
ENV VAR_44_155=value_44_155 OTHER_44_155=${A_44_144}
ENV VAR_44_156=value_44_156 OTHER_44_156=${A_37_163}
ARG A_44_157=default_44_157
USER root
RUN echo step 44_159 && mkdir -p /tmp/d44_159 && touch /tmp/d44_159/f
RUN echo step 44_160 && mkdir -p /tmp/d44_160 && touch /tmp/d44_160/f
RUN echo step 44_161 && mkdir -p /tmp/d44_161 && touch /tmp/d44_161/f
ENV VAR_44_162=value_44_162 OTHER_44_162=${A_6_15}
COPY src/file_44_163.txt /app/dir_10/
WORKDIR /work/w8
LABEL org.example.l44_165="label 44_165"
EXPOSE 8166/tcp
WORKDIR /work/w11
RUN echo step 44_168 && mkdir -p /tmp/d44_168 && touch /tmp/d44_168/f
ENV VAR_44_169=value_44_169 OTHER_44_169=${A_24_139}
COPY src/file_44_170.txt /app/dir_0/
COPY src/file_44_171.txt /app/dir_1/
LABEL org.example.l44_172="label 44_172"
RUN echo step 44_173 && mkdir -p /tmp/d44_173 && touch /tmp/d44_173/f
EXPOSE 8174/tcp
ARG A_44_175=default_44_175
ARG A_44_176=default_44_176
RUN echo step 44_177 && mkdir -p /tmp/d44_177 && touch /tmp/d44_177/f
COPY src/file_44_178.txt /app/dir_8/
RUN echo step 44_179 && mkdir -p /tmp/d44_179 && touch /tmp/d44_179/f
ARG A_44_180=default_44_180
ENV VAR_44_181=value_44_181 OTHER_44_181=${A_32_176}
RUN echo step 44_182 && mkdir -p /tmp/d44_182 && touch /tmp/d44_182/f
RUN echo step 44_183 && mkdir -p /tmp/d44_183 && touch /tmp/d44_183/f
ENV VAR_44_184=value_44_184 OTHER_44_184=${A_10_131}
ARG A_44_185=default_44_185
COPY src/file_44_186.txt /app/dir_16/
COPY src/file_44_187.txt /app/dir_0/
RUN echo step 44_188 && mkdir -p /tmp/d44_188 && touch /tmp/d44_188/f
RUN echo step 44_189 && mkdir -p /tmp/d44_189 && touch /tmp/d44_189/f
ARG A_44_190=default_44_190
ENV VAR_44_191=value_44_191 OTHER_44_191=${A_44_80}
RUN echo step 44_192 && mkdir -p /tmp/d44_192 && touch /tmp/d44_192/f
ENV VAR_44_193=value_44_193 OTHER_44_193=${A_2_170}
WORKDIR /work/w12
LABEL org.example.l44_195="label 44_195"
ARG A_44_196=default_44_196
COPY src/file_44_197.txt /app/dir_10/
RUN echo step 44_198 && mkdir -p /tmp/d44_198 && touch /tmp/d44_198/f
ARG A_44_199=default_44_199
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s45
COPY --from=s44 /tmp /from-45_0/
ARG A_45_1=default_45_1
ARG A_45_2=default_45_2
ARG A_45_3=default_45_3
RUN echo step 45_4 && mkdir -p /tmp/d45_4 && touch /tmp/d45_4/f
COPY src/file_45_5.txt /app/dir_5/
ENV VAR_45_6=value_45_6 OTHER_45_6=${A_44_175}
RUN echo step 45_7 && mkdir -p /tmp/d45_7 && touch /tmp/d45_7/f
RUN echo step 45_8 && mkdir -p /tmp/d45_8 && touch /tmp/d45_8/f
COPY src/file_45_9.txt /app/dir_9/
WORKDIR /work/w10
ARG A_45_11=default_45_11
RUN echo step 45_12 && mkdir -p /tmp/d45_12 && touch /tmp/d45_12/f
ARG A_45_13=default_45_13
LABEL org.example.l45_14="label 45_14"
ENV VAR_45_15=value_45_15 OTHER_45_15=${A_39_32}
EXPOSE 8016/tcp
ENV VAR_45_17=value_45_17 OTHER_45_17=${A_25_11}
ARG A_45_18=default_45_18
COPY src/file_45_19.txt /app/dir_2/
LABEL org.example.l45_20="label 45_20"
RUN echo step 45_21 && mkdir -p /tmp/d45_21 && touch /tmp/d45_21/f
RUN echo step 45_22 && mkdir -p /tmp/d45_22 && touch /tmp/d45_22/f
COPY src/file_45_23.txt /app/dir_6/
ENV VAR_45_24=value_45_24 OTHER_45_24=${A_24_169}
LABEL org.example.l45_25="label 45_25"
RUN echo step 45_26 && mkdir -p /tmp/d45_26 && touch /tmp/d45_26/f
ARG A_45_27=default_45_27
COPY src/file_45_28.txt /app/dir_11/
COPY --from=s44 /tmp /from-45_29/
RUN echo step 45_30 && mkdir -p /tmp/d45_30 && touch /tmp/d45_30/f
ENV VAR_45_31=value_45_31 OTHER_45_31=${A_35_73}
COPY src/file_45_32.txt /app/dir_15/
COPY src/file_45_33.txt /app/dir_16/
ENV VAR_45_34=value_45_34 OTHER_45_34=${A_42_74}
RUN echo step 45_35 && mkdir -p /tmp/d45_35 && touch /tmp/d45_35/f
LABEL org.example.l45_36="label 45_36"
LABEL org.example.l45_37="label 45_37"
COPY src/file_45_38.txt /app/dir_4/
COPY --from=s44 /tmp /from-45_39/
WORKDIR /work/w1
RUN echo step 45_41 && mkdir -p /tmp/d45_41 && touch /tmp/d45_41/f
ARG A_45_42=default_45_42
RUN echo step 45_43 && mkdir -p /tmp/d45_43 && touch /tmp/d45_43/f
RUN echo step 45_44 && mkdir -p /tmp/d45_44 && touch /tmp/d45_44/f
LABEL org.example.l45_45="label 45_45"
RUN echo step 45_46 && mkdir -p /tmp/d45_46 && touch /tmp/d45_46/f
RUN echo step 45_47 && mkdir -p /tmp/d45_47 && touch /tmp/d45_47/f
ENV VAR_45_48=value_45_48 OTHER_45_48=${A_7_59}
WORKDIR /work/w10
COPY src/file_45_50.txt /app/dir_16/
COPY src/file_45_51.txt /app/dir_0/
RUN echo step 45_52 && mkdir -p /tmp/d45_52 && touch /tmp/d45_52/f
COPY --from=s44 /tmp /from-45_53/
LABEL org.example.l45_54="label 45_54"
WORKDIR /work/w3
COPY src/file_45_56.txt /app/dir_5/
RUN echo step 45_57 && mkdir -p /tmp/d45_57 && touch /tmp/d45_57/f
ENV VAR_45_58=value_45_58 OTHER_45_58=${A_35_178}
EXPOSE 8059/tcp
RUN echo step 45_60 && mkdir -p /tmp/d45_60 && touch /tmp/d45_60/f
COPY src/file_45_61.txt /app/dir_10/
RUN echo step 45_62 && mkdir -p /tmp/d45_62 && touch /tmp/d45_62/f
RUN echo step 45_63 && mkdir -p /tmp/d45_63 && touch /tmp/d45_63/f
ARG A_45_64=default_45_64
RUN echo step 45_65 && mkdir -p /tmp/d45_65 && touch /tmp/d45_65/f
COPY src/file_45_66.txt /app/dir_15/
COPY src/file_45_67.txt /app/dir_16/
COPY --from=s44 /tmp /from-45_68/
RUN echo step 45_69 && mkdir -p /tmp/d45_69 && touch /tmp/d45_69/f
EXPOSE 8070/tcp
WORKDIR /work/w6
ENV VAR_45_72=value_45_72 OTHER_45_72=${A_25_31}
RUN echo step 45_73 && mkdir -p /tmp/d45_73 && touch /tmp/d45_73/f
RUN echo step 45_74 && mkdir -p /tmp/d45_74 && touch /tmp/d45_74/f
COPY src/file_45_75.txt /app/dir_7/
RUN echo step 45_76 && mkdir -p /tmp/d45_76 && touch /tmp/d45_76/f
RUN echo step 45_77 && mkdir -p /tmp/d45_77 && touch /tmp/d45_77/f
RUN echo step 45_78 && mkdir -p /tmp/d45_78 && touch /tmp/d45_78/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s45_79
ARG A_45_80=default_45_80
WORKDIR /work/w3
WORKDIR /work/w4
RUN echo step 45_83 && mkdir -p /tmp/d45_83 && touch /tmp/d45_83/f
USER root
COPY --from=s44 /tmp /from-45_85/
RUN echo step 45_86 && mkdir -p /tmp/d45_86 && touch /tmp/d45_86/f
RUN echo step 45_87 && mkdir -p /tmp/d45_87 && touch /tmp/d45_87/f
LABEL org.example.l45_88="label 45_88"
COPY src/file_45_89.txt /app/dir_4/
WORKDIR /work/w12
ARG A_45_91=default_45_91
COPY src/file_45_92.txt /app/dir_7/
COPY src/file_45_93.txt /app/dir_8/
WORKDIR /work/w3
COPY src/file_45_95.txt /app/dir_10/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s45_96
RUN echo step 45_97 && mkdir -p /tmp/d45_97 && touch /tmp/d45_97/f
EXPOSE 8098/tcp
WORKDIR /work/w8
RUN echo step 45_100 && mkdir -p /tmp/d45_100 && touch /tmp/d45_100/f
RUN echo step 45_101 && mkdir -p /tmp/d45_101 && touch /tmp/d45_101/f
WORKDIR /work/w11
COPY --from=s44 /tmp /from-45_103/
RUN echo step 45_104 && mkdir -p /tmp/d45_104 && touch /tmp/d45_104/f
RUN echo step 45_105 && mkdir -p /tmp/d45_105 && touch /tmp/d45_105/f
ENV VAR_45_106=value_45_106 OTHER_45_106=${A_26_52}
COPY src/file_45_107.txt /app/dir_5/
COPY src/file_45_108.txt /app/dir_6/
WORKDIR /work/w5
ENV VAR_45_110=value_45_110 OTHER_45_110=${A_36_111}
RUN echo step 45_111 && mkdir -p /tmp/d45_111 && touch /tmp/d45_111/f
COPY src/file_45_112.txt /app/dir_10/
ENV VAR_45_113=value_45_113 OTHER_45_113=${A_0_1}
ENV VAR_45_114=value_45_114 OTHER_45_114=${A_20_185}
COPY src/file_45_115.txt /app/dir_13/
COPY src/file_45_116.txt /app/dir_14/
ENV VAR_45_117=value_45_117 OTHER_45_117=${A_14_21}
RUN echo step 45_118 && mkdir -p /tmp/d45_118 && touch /tmp/d45_118/f
RUN echo step 45_119 && mkdir -p /tmp/d45_119 && touch /tmp/d45_119/f
ENV VAR_45_120=value_45_120 OTHER_45_120=${A_28_75}
ENV VAR_45_121=value_45_121 OTHER_45_121=${A_0_84}
ENV VAR_45_122=value_45_122 OTHER_45_122=${A_37_69}
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s45_123
RUN echo step 45_124 && mkdir -p /tmp/d45_124 && touch /tmp/d45_124/f
RUN echo step 45_125 && mkdir -p /tmp/d45_125 && touch /tmp/d45_125/f
WORKDIR /work/w9
LABEL org.example.l45_127="label 45_127"
RUN echo step 45_128 && mkdir -p /tmp/d45_128 && touch /tmp/d45_128/f
ENV VAR_45_129=value_45_129 OTHER_45_129=${A_8_50}
COPY src/file_45_130.txt /app/dir_11/
COPY --from=s44 /tmp /from-45_131/
ARG A_45_132=default_45_132
RUN echo step 45_133 && mkdir -p /tmp/d45_133 && touch /tmp/d45_133/f
COPY src/file_45_134.txt /app/dir_15/
RUN echo step 45_135 && mkdir -p /tmp/d45_135 && touch /tmp/d45_135/f
COPY --from=s44 /tmp /from-45_136/
RUN echo step 45_137 && mkdir -p /tmp/d45_137 && touch /tmp/d45_137/f
RUN echo step 45_138 && mkdir -p /tmp/d45_138 && touch /tmp/d45_138/f
ARG A_45_139=default_45_139
LABEL org.example.l45_140="label 45_140"
COPY --from=s44 /tmp /from-45_141/
LABEL org.example.l45_142="label 45_142"
COPY --from=s44 /tmp /from-45_143/
COPY src/file_45_144.txt /app/dir_8/
RUN echo step 45_145 && mkdir -p /tmp/d45_145 && touch /tmp/d45_145/f
LABEL org.example.l45_146="label 45_146"
ENV VAR_45_147=value_45_147 OTHER_45_147=${A_6_186}
RUN echo step 45_148 && mkdir -p /tmp/d45_148 && touch /tmp/d45_148/f
RUN echo step 45_149 && mkdir -p /tmp/d45_149 && touch /tmp/d45_149/f
LABEL org.example.l45_150="label 45_150"
ENV VAR_45_151=value_45_151 OTHER_45_151=${A_36_2}
EXPOSE 8152/tcp
RUN echo step 45_153 && mkdir -p /tmp/d45_153 && touch /tmp/d45_153/f
WORKDIR /work/w11
COPY --from=s44 /tmp /from-45_155/
COPY src/file_45_156.txt /app/dir_3/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s45_157
LABEL org.example.l45_158="label 45_158"
ENV VAR_45_159=value_45_159 OTHER_45_159=${A_11_55}
ENV VAR_45_160=value_45_160 OTHER_45_160=${A_44_180}
ARG A_45_161=default_45_161
RUN echo step 45_162 && mkdir -p /tmp/d45_162 && touch /tmp/d45_162/f
WORKDIR /work/w7
ARG A_45_164=default_45_164
COPY --from=s44 /tmp /from-45_165/
WORKDIR /work/w10
ENV VAR_45_167=value_45_167 OTHER_45_167=${A_0_129}
RUN echo step 45_168 && mkdir -p /tmp/d45_168 && touch /tmp/d45_168/f
COPY --from=s44 /tmp /from-45_169/
ARG A_45_170=default_45_170
RUN echo step 45_171 && mkdir -p /tmp/d45_171 && touch /tmp/d45_171/f
ARG A_45_172=default_45_172
WORKDIR /work/w4
ENV VAR_45_174=value_45_174 OTHER_45_174=${A_28_104}
ARG A_45_175=default_45_175
COPY src/file_45_176.txt /app/dir_6/
USER root
COPY src/file_45_178.txt /app/dir_8/
EXPOSE 8179/tcp
USER root
WORKDIR /work/w12
RUN echo step 45_182 && mkdir -p /tmp/d45_182 && touch /tmp/d45_182/f
RUN echo step 45_183 && mkdir -p /tmp/d45_183 && touch /tmp/d45_183/f
COPY src/file_45_184.txt /app/dir_14/
ARG A_45_185=default_45_185
ARG A_45_186=default_45_186
RUN echo step 45_187 && mkdir -p /tmp/d45_187 && touch /tmp/d45_187/f
RUN echo step 45_188 && mkdir -p /tmp/d45_188 && touch /tmp/d45_188/f
USER root
WORKDIR /work/w8
ENV VAR_45_191=value_45_191 OTHER_45_191=${A_23_69}
COPY src/file_45_192.txt /app/dir_5/
COPY src/file_45_193.txt /app/dir_6/
COPY src/file_45_194.txt /app/dir_7/
ARG A_45_195=default_45_195
EXPOSE 8196/tcp
LABEL org.example.l45_197="label 45_197"
RUN echo step 45_198 && mkdir -p /tmp/d45_198 && touch /tmp/d45_198/f
WORKDIR /work/w4
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s46
ENV VAR_46_0=value_46_0 OTHER_46_0=${A_34_187}
RUN echo step 46_1 && mkdir -p /tmp/d46_1 && touch /tmp/d46_1/f
COPY src/file_46_2.txt /app/dir_2/
WORKDIR /work/w3
WORKDIR /work/w4
RUN echo step 46_5 && mkdir -p /tmp/d46_5 && touch /tmp/d46_5/f
ARG A_46_6=default_46_6
ENV VAR_46_7=value_46_7 OTHER_46_7=${A_25_11}
WORKDIR /work/w8
LABEL org.example.l46_9="label 46_9"
ENV VAR_46_10=value_46_10 OTHER_46_10=${A_33_198}
ENV VAR_46_11=value_46_11 OTHER_46_11=${A_20_142}
LABEL org.example.l46_12="label 46_12"
LABEL org.example.l46_13="label 46_13"
WORKDIR /work/w1
RUN echo step 46_15 && mkdir -p /tmp/d46_15 && touch /tmp/d46_15/f
USER root
RUN echo step 46_17 && mkdir -p /tmp/d46_17 && touch /tmp/d46_17/f
RUN echo step 46_18 && mkdir -p /tmp/d46_18 && touch /tmp/d46_18/f
RUN echo step 46_19 && mkdir -p /tmp/d46_19 && touch /tmp/d46_19/f
RUN echo step 46_20 && mkdir -p /tmp/d46_20 && touch /tmp/d46_20/f
COPY src/file_46_21.txt /app/dir_4/
RUN echo step 46_22 && mkdir -p /tmp/d46_22 && touch /tmp/d46_22/f
RUN echo step 46_23 && mkdir -p /tmp/d46_23 && touch /tmp/d46_23/f
WORKDIR /work/w11
ARG A_46_25=default_46_25
ARG A_46_26=default_46_26
ENV VAR_46_27=value_46_27 OTHER_46_27=${A_17_165}
ENV VAR_46_28=value_46_28 OTHER_46_28=${A_33_100}
RUN echo step 46_29 && mkdir -p /tmp/d46_29 && touch /tmp/d46_29/f
RUN echo step 46_30 && mkdir -p /tmp/d46_30 && touch /tmp/d46_30/f
ENV VAR_46_31=value_46_31 OTHER_46_31=${A_30_86}
RUN echo step 46_32 && mkdir -p /tmp/d46_32 && touch /tmp/d46_32/f
RUN echo step 46_33 && mkdir -p /tmp/d46_33 && touch /tmp/d46_33/f
RUN echo step 46_34 && mkdir -p /tmp/d46_34 && touch /tmp/d46_34/f
COPY src/file_46_35.txt /app/dir_1/
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s46_36
ENV VAR_46_37=value_46_37 OTHER_46_37=${A_33_111}
COPY src/file_46_38.txt /app/dir_4/
ENV VAR_46_39=value_46_39 OTHER_46_39=${A_23_62}
WORKDIR /work/w1
ARG A_46_41=default_46_41
ENV VAR_46_42=value_46_42 OTHER_46_42=${A_26_121}
ENV VAR_46_43=value_46_43 OTHER_46_43=${A_15_130}
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s46_44
WORKDIR /work/w6
COPY src/file_46_46.txt /app/dir_12/
LABEL org.example.l46_47="label 46_47"
WORKDIR /work/w9
COPY src/file_46_49.txt /app/dir_15/
LABEL org.example.l46_50="label 46_50"
RUN echo step 46_51 && mkdir -p /tmp/d46_51 && touch /tmp/d46_51/f
COPY src/file_46_52.txt /app/dir_1/
ARG A_46_53=default_46_53
WORKDIR /work/w2
RUN echo step 46_55 && mkdir -p /tmp/d46_55 && touch /tmp/d46_55/f
RUN echo step 46_56 && mkdir -p /tmp/d46_56 && touch /tmp/d46_56/f
ENV VAR_46_57=value_46_57 OTHER_46_57=${A_9_199}
ENV VAR_46_58=value_46_58 OTHER_46_58=${A_16_149}
WORKDIR /work/w7
COPY src/file_46_60.txt /app/dir_9/
RUN echo step 46_61 && mkdir -p /tmp/d46_61 && touch /tmp/d46_61/f
RUN echo step 46_62 && mkdir -p /tmp/d46_62 && touch /tmp/d46_62/f
ARG A_46_63=default_46_63
COPY src/file_46_64.txt /app/dir_13/
COPY src/file_46_65.txt /app/dir_14/
RUN echo step 46_66 && mkdir -p /tmp/d46_66 && touch /tmp/d46_66/f
COPY src/file_46_67.txt /app/dir_16/
RUN echo step 46_68 && mkdir -p /tmp/d46_68 && touch /tmp/d46_68/f
RUN echo step 46_69 && mkdir -p /tmp/d46_69 && touch /tmp/d46_69/f
LABEL org.example.l46_70="label 46_70"
ENV VAR_46_71=value_46_71 OTHER_46_71=${A_36_57}
RUN echo step 46_72 && mkdir -p /tmp/d46_72 && touch /tmp/d46_72/f
COPY src/file_46_73.txt /app/dir_5/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s46_74
RUN echo step 46_75 && mkdir -p /tmp/d46_75 && touch /tmp/d46_75/f
WORKDIR /work/w11
RUN echo step 46_77 && mkdir -p /tmp/d46_77 && touch /tmp/d46_77/f
RUN echo step 46_78 && mkdir -p /tmp/d46_78 && touch /tmp/d46_78/f
EXPOSE 8079/tcp
RUN echo step 46_80 && mkdir -p /tmp/d46_80 && touch /tmp/d46_80/f
RUN echo step 46_81 && mkdir -p /tmp/d46_81 && touch /tmp/d46_81/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s46_82
RUN echo step 46_83 && mkdir -p /tmp/d46_83 && touch /tmp/d46_83/f
RUN echo step 46_84 && mkdir -p /tmp/d46_84 && touch /tmp/d46_84/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s46_85
RUN echo step 46_86 && mkdir -p /tmp/d46_86 && touch /tmp/d46_86/f
USER root
LABEL org.example.l46_88="label 46_88"
RUN echo step 46_89 && mkdir -p /tmp/d46_89 && touch /tmp/d46_89/f
USER root
COPY src/file_46_91.txt /app/dir_6/
RUN echo step 46_92 && mkdir -p /tmp/d46_92 && touch /tmp/d46_92/f
LABEL org.example.l46_93="label 46_93"
ARG A_46_94=default_46_94
RUN echo step 46_95 && mkdir -p /tmp/d46_95 && touch /tmp/d46_95/f
RUN echo step 46_96 && mkdir -p /tmp/d46_96 && touch /tmp/d46_96/f
RUN echo step 46_97 && mkdir -p /tmp/d46_97 && touch /tmp/d46_97/f
LABEL org.example.l46_98="label 46_98"
RUN echo step 46_99 && mkdir -p /tmp/d46_99 && touch /tmp/d46_99/f
RUN echo step 46_100 && mkdir -p /tmp/d46_100 && touch /tmp/d46_100/f
ENV VAR_46_101=value_46_101 OTHER_46_101=${A_41_120}
COPY src/file_46_102.txt /app/dir_0/
COPY src/file_46_103.txt /app/dir_1/
COPY src/file_46_104.txt /app/dir_2/
ENV VAR_46_105=value_46_105 OTHER_46_105=${A_10_131}
RUN echo step 46_106 && mkdir -p /tmp/d46_106 && touch /tmp/d46_106/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s46_107
RUN echo step 46_108 && mkdir -p /tmp/d46_108 && touch /tmp/d46_108/f
RUN echo step 46_109 && mkdir -p /tmp/d46_109 && touch /tmp/d46_109/f
RUN echo step 46_110 && mkdir -p /tmp/d46_110 && touch /tmp/d46_110/f
ENV VAR_46_111=value_46_111 OTHER_46_111=${A_3_64}
COPY src/file_46_112.txt /app/dir_10/
RUN echo step 46_113 && mkdir -p /tmp/d46_113 && touch /tmp/d46_113/f
WORKDIR /work/w10
RUN echo step 46_115 && mkdir -p /tmp/d46_115 && touch /tmp/d46_115/f
COPY src/file_46_116.txt /app/dir_14/
WORKDIR /work/w0
RUN echo step 46_118 && mkdir -p /tmp/d46_118 && touch /tmp/d46_118/f
COPY src/file_46_119.txt /app/dir_0/
RUN echo step 46_120 && mkdir -p /tmp/d46_120 && touch /tmp/d46_120/f
WORKDIR /work/w4
WORKDIR /work/w5
ARG A_46_123=default_46_123
RUN echo step 46_124 && mkdir -p /tmp/d46_124 && touch /tmp/d46_124/f
ENV VAR_46_125=value_46_125 OTHER_46_125=${A_14_194}
COPY --from=s45 /tmp /from-46_126/
WORKDIR /work/w10
ENV VAR_46_128=value_46_128 OTHER_46_128=${A_12_158}
WORKDIR /work/w12
RUN echo step 46_130 && mkdir -p /tmp/d46_130 && touch /tmp/d46_130/f
ARG A_46_131=default_46_131
RUN echo step 46_132 && mkdir -p /tmp/d46_132 && touch /tmp/d46_132/f
COPY src/file_46_133.txt /app/dir_14/
COPY --from=s45 /tmp /from-46_134/
WORKDIR /work/w5
ENV VAR_46_136=value_46_136 OTHER_46_136=${A_10_80}
RUN echo step 46_137 && mkdir -p /tmp/d46_137 && touch /tmp/d46_137/f
LABEL org.example.l46_138="label 46_138"
ENV VAR_46_139=value_46_139 OTHER_46_139=${A_35_73}
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s46_140
COPY src/file_46_141.txt /app/dir_5/
COPY src/file_46_142.txt /app/dir_6/
RUN echo step 46_143 && mkdir -p /tmp/d46_143 && touch /tmp/d46_143/f
RUN echo step 46_144 && mkdir -p /tmp/d46_144 && touch /tmp/d46_144/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s46_145
ARG A_46_146=default_46_146
LABEL org.example.l46_147="label 46_147"
COPY src/file_46_148.txt /app/dir_12/
RUN echo step 46_149 && mkdir -p /tmp/d46_149 && touch /tmp/d46_149/f
WORKDIR /work/w7
ARG A_46_151=default_46_151
WORKDIR /work/w9
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s46_153
LABEL org.example.l46_154="label 46_154"
COPY src/file_46_155.txt /app/dir_2/
USER root
ENV VAR_46_157=value_46_157 OTHER_46_157=${A_7_113}
LABEL org.example.l46_158="label 46_158"
COPY --from=s45 /tmp /from-46_159/
COPY src/file_46_160.txt /app/dir_7/
EXPOSE 8161/tcp
WORKDIR /work/w6
RUN echo step 46_163 && mkdir -p /tmp/d46_163 && touch /tmp/d46_163/f
WORKDIR /work/w8
WORKDIR /work/w9
EXPOSE 8166/tcp
USER root
USER root
COPY --from=s45 /tmp /from-46_169/
RUN echo step 46_170 && mkdir -p /tmp/d46_170 && touch /tmp/d46_170/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s46_171
COPY --from=s45 /tmp /from-46_172/
RUN echo step 46_173 && mkdir -p /tmp/d46_173 && touch /tmp/d46_173/f
COPY --from=s45 /tmp /from-46_174/
COPY src/file_46_175.txt /app/dir_5/
LABEL org.example.l46_176="label 46_176"
WORKDIR /work/w8
COPY src/file_46_178.txt /app/dir_8/
ARG A_46_179=default_46_179
LABEL org.example.l46_180="label 46_180"
ARG A_46_181=default_46_181
ENV VAR_46_182=value_46_182 OTHER_46_182=${A_18_42}
USER root
COPY src/file_46_184.txt /app/dir_14/
RUN echo step 46_185 && mkdir -p /tmp/d46_185 && touch /tmp/d46_185/f
COPY src/file_46_186.txt /app/dir_16/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s46_187
RUN echo step 46_188 && mkdir -p /tmp/d46_188 && touch /tmp/d46_188/f
RUN echo step 46_189 && mkdir -p /tmp/d46_189 && touch /tmp/d46_189/f
ENV VAR_46_190=value_46_190 OTHER_46_190=${A_15_7}
USER root
ENV VAR_46_192=value_46_192 OTHER_46_192=${A_41_122}
WORKDIR /work/w11
ARG A_46_194=default_46_194
RUN echo step 46_195 && mkdir -p /tmp/d46_195 && touch /tmp/d46_195/f
RUN echo step 46_196 && mkdir -p /tmp/d46_196 && touch /tmp/d46_196/f
ENV VAR_46_197=value_46_197 OTHER_46_197=${A_11_29}
COPY src/file_46_198.txt /app/dir_11/
ARG A_46_199=default_46_199
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s47
RUN echo step 47_0 && mkdir -p /tmp/d47_0 && touch /tmp/d47_0/f
COPY src/file_47_1.txt /app/dir_1/
COPY src/file_47_2.txt /app/dir_2/
ARG A_47_3=default_47_3
RUN echo step 47_4 && mkdir -p /tmp/d47_4 && touch /tmp/d47_4/f
RUN echo step 47_5 && mkdir -p /tmp/d47_5 && touch /tmp/d47_5/f
ENV VAR_47_6=value_47_6 OTHER_47_6=${A_15_16}
RUN echo step 47_7 && mkdir -p /tmp/d47_7 && touch /tmp/d47_7/f
RUN echo step 47_8 && mkdir -p /tmp/d47_8 && touch /tmp/d47_8/f
RUN echo step 47_9 && mkdir -p /tmp/d47_9 && touch /tmp/d47_9/f
LABEL org.example.l47_10="label 47_10"
ARG A_47_11=default_47_11
COPY --from=s46 /tmp /from-47_12/
ARG A_47_13=default_47_13
ENV VAR_47_14=value_47_14 OTHER_47_14=${A_24_188}
COPY src/file_47_15.txt /app/dir_15/
RUN echo step 47_16 && mkdir -p /tmp/d47_16 && touch /tmp/d47_16/f
COPY src/file_47_17.txt /app/dir_0/
COPY src/file_47_18.txt /app/dir_1/
COPY src/file_47_19.txt /app/dir_2/
COPY src/file_47_20.txt /app/dir_3/
USER root
ENV VAR_47_22=value_47_22 OTHER_47_22=${A_27_26}
EXPOSE 8023/tcp
RUN echo step 47_24 && mkdir -p /tmp/d47_24 && touch /tmp/d47_24/f
COPY src/file_47_25.txt /app/dir_8/
COPY src/file_47_26.txt /app/dir_9/
COPY --from=s46 /tmp /from-47_27/
COPY src/file_47_28.txt /app/dir_11/
WORKDIR /work/w3
LABEL org.example.l47_30="label 47_30"
RUN echo step 47_31 && mkdir -p /tmp/d47_31 && touch /tmp/d47_31/f
COPY src/file_47_32.txt /app/dir_15/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s47_33
WORKDIR /work/w8
RUN echo step 47_35 && mkdir -p /tmp/d47_35 && touch /tmp/d47_35/f
COPY src/file_47_36.txt /app/dir_2/
COPY src/file_47_37.txt /app/dir_3/
RUN echo step 47_38 && mkdir -p /tmp/d47_38 && touch /tmp/d47_38/f
ENV VAR_47_39=value_47_39 OTHER_47_39=${A_18_109}
RUN echo step 47_40 && mkdir -p /tmp/d47_40 && touch /tmp/d47_40/f
USER root
COPY src/file_47_42.txt /app/dir_8/
RUN echo step 47_43 && mkdir -p /tmp/d47_43 && touch /tmp/d47_43/f
RUN echo step 47_44 && mkdir -p /tmp/d47_44 && touch /tmp/d47_44/f
RUN echo step 47_45 && mkdir -p /tmp/d47_45 && touch /tmp/d47_45/f
LABEL org.example.l47_46="label 47_46"
LABEL org.example.l47_47="label 47_47"
COPY src/file_47_48.txt /app/dir_14/
COPY src/file_47_49.txt /app/dir_15/
USER root
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s47_51
RUN echo step 47_52 && mkdir -p /tmp/d47_52 && touch /tmp/d47_52/f
RUN echo step 47_53 && mkdir -p /tmp/d47_53 && touch /tmp/d47_53/f
COPY src/file_47_54.txt /app/dir_3/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s47_55
EXPOSE 8056/tcp
COPY src/file_47_57.txt /app/dir_6/
WORKDIR /work/w6
LABEL org.example.l47_59="label 47_59"
ENV VAR_47_60=value_47_60 OTHER_47_60=${A_20_144}
RUN echo step 47_61 && mkdir -p /tmp/d47_61 && touch /tmp/d47_61/f
RUN echo step 47_62 && mkdir -p /tmp/d47_62 && touch /tmp/d47_62/f
ENV VAR_47_63=value_47_63 OTHER_47_63=${A_29_181}
EXPOSE 8064/tcp
ENV VAR_47_65=value_47_65 OTHER_47_65=${A_5_134}
COPY src/file_47_66.txt /app/dir_15/
COPY src/file_47_67.txt /app/dir_16/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s47_68
RUN echo step 47_69 && mkdir -p /tmp/d47_69 && touch /tmp/d47_69/f
LABEL org.example.l47_70="label 47_70"
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s47_71
RUN echo step 47_72 && mkdir -p /tmp/d47_72 && touch /tmp/d47_72/f
USER root
RUN echo step 47_74 && mkdir -p /tmp/d47_74 && touch /tmp/d47_74/f
WORKDIR /work/w10
COPY --from=s46 /tmp /from-47_76/
RUN echo step 47_77 && mkdir -p /tmp/d47_77 && touch /tmp/d47_77/f
WORKDIR /work/w0
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s47_79
ARG A_47_80=default_47_80
ARG A_47_81=default_47_81
COPY --from=s46 /tmp /from-47_82/
RUN echo step 47_83 && mkdir -p /tmp/d47_83 && touch /tmp/d47_83/f
COPY src/file_47_84.txt /app/dir_16/
ARG A_47_85=default_47_85
RUN echo step 47_86 && mkdir -p /tmp/d47_86 && touch /tmp/d47_86/f
LABEL org.example.l47_87="label 47_87"
COPY src/file_47_88.txt /app/dir_3/
RUN echo step 47_89 && mkdir -p /tmp/d47_89 && touch /tmp/d47_89/f
RUN echo step 47_90 && mkdir -p /tmp/d47_90 && touch /tmp/d47_90/f
WORKDIR /work/w0
ARG A_47_92=default_47_92
ARG A_47_93=default_47_93
COPY src/file_47_94.txt /app/dir_9/
WORKDIR /work/w4
ENV VAR_47_96=value_47_96 OTHER_47_96=${A_23_44}
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s47_97
LABEL org.example.l47_98="label 47_98"
RUN echo step 47_99 && mkdir -p /tmp/d47_99 && touch /tmp/d47_99/f
RUN echo step 47_100 && mkdir -p /tmp/d47_100 && touch /tmp/d47_100/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s47_101
RUN echo step 47_102 && mkdir -p /tmp/d47_102 && touch /tmp/d47_102/f
WORKDIR /work/w12
COPY --from=s46 /tmp /from-47_104/
ARG A_47_105=default_47_105
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s47_106
RUN echo step 47_107 && mkdir -p /tmp/d47_107 && touch /tmp/d47_107/f
ARG A_47_108=default_47_108
RUN echo step 47_109 && mkdir -p /tmp/d47_109 && touch /tmp/d47_109/f
USER root
ENV VAR_47_111=value_47_111 OTHER_47_111=${A_33_169}
RUN echo step 47_112 && mkdir -p /tmp/d47_112 && touch /tmp/d47_112/f
WORKDIR /work/w9
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s47_114
COPY src/file_47_115.txt /app/dir_13/
RUN echo step 47_116 && mkdir -p /tmp/d47_116 && touch /tmp/d47_116/f
WORKDIR /work/w0
ENV VAR_47_118=value_47_118 OTHER_47_118=${A_13_3}
EXPOSE 8119/tcp
WORKDIR /work/w3
RUN echo step 47_121 && mkdir -p /tmp/d47_121 && touch /tmp/d47_121/f
RUN echo step 47_122 && mkdir -p /tmp/d47_122 && touch /tmp/d47_122/f
RUN echo step 47_123 && mkdir -p /tmp/d47_123 && touch /tmp/d47_123/f
RUN echo step 47_124 && mkdir -p /tmp/d47_124 && touch /tmp/d47_124/f
RUN echo step 47_125 && mkdir -p /tmp/d47_125 && touch /tmp/d47_125/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s47_126
RUN echo step 47_127 && mkdir -p /tmp/d47_127 && touch /tmp/d47_127/f
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s47_128
EXPOSE 8129/tcp
RUN echo step 47_130 && mkdir -p /tmp/d47_130 && touch /tmp/d47_130/f
RUN echo step 47_131 && mkdir -p /tmp/d47_131 && touch /tmp/d47_131/f
RUN echo step 47_132 && mkdir -p /tmp/d47_132 && touch /tmp/d47_132/f
RUN echo step 47_133 && mkdir -p /tmp/d47_133 && touch /tmp/d47_133/f
ENV VAR_47_134=value_47_134 OTHER_47_134=${A_23_149}
LABEL org.example.l47_135="label 47_135"
ARG A_47_136=default_47_136
RUN echo step 47_137 && mkdir -p /tmp/d47_137 && touch /tmp/d47_137/f
COPY src/file_47_138.txt /app/dir_2/
RUN echo step 47_139 && mkdir -p /tmp/d47_139 && touch /tmp/d47_139/f
RUN echo step 47_140 && mkdir -p /tmp/d47_140 && touch /tmp/d47_140/f
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s47_141
RUN echo step 47_142 && mkdir -p /tmp/d47_142 && touch /tmp/d47_142/f
USER root
ARG A_47_144=default_47_144
ENV VAR_47_145=value_47_145 OTHER_47_145=${A_35_26}
USER root
RUN echo step 47_147 && mkdir -p /tmp/d47_147 && touch /tmp/d47_147/f
WORKDIR /work/w5
RUN echo step 47_149 && mkdir -p /tmp/d47_149 && touch /tmp/d47_149/f
LABEL org.example.l47_150="label 47_150"
ENV VAR_47_151=value_47_151 OTHER_47_151=${A_21_35}
COPY src/file_47_152.txt /app/dir_16/
LABEL org.example.l47_153="label 47_153"
RUN echo step 47_154 && mkdir -p /tmp/d47_154 && touch /tmp/d47_154/f
RUN echo step 47_155 && mkdir -p /tmp/d47_155 && touch /tmp/d47_155/f
ENV VAR_47_156=value_47_156 OTHER_47_156=${A_46_53}
RUN echo step 47_157 && mkdir -p /tmp/d47_157 && touch /tmp/d47_157/f
LABEL org.example.l47_158="label 47_158"
WORKDIR /work/w3
WORKDIR /work/w4
EXPOSE 8161/tcp
WORKDIR /work/w6
WORKDIR /work/w7
ENV VAR_47_164=value_47_164 OTHER_47_164=${A_43_147}
RUN echo step 47_165 && mkdir -p /tmp/d47_165 && touch /tmp/d47_165/f
RUN echo step 47_166 && mkdir -p /tmp/d47_166 && touch /tmp/d47_166/f
LABEL org.example.l47_167="label 47_167"
RUN echo step 47_168 && mkdir -p /tmp/d47_168 && touch /tmp/d47_168/f
ENV VAR_47_169=value_47_169 OTHER_47_169=${A_18_135}
RUN echo step 47_170 && mkdir -p /tmp/d47_170 && touch /tmp/d47_170/f
RUN echo step 47_171 && mkdir -p /tmp/d47_171 && touch /tmp/d47_171/f
USER root
COPY src/file_47_173.txt /app/dir_3/
ARG A_47_174=default_47_174
COPY src/file_47_175.txt /app/dir_5/
WORKDIR /work/w7
RUN echo step 47_177 && mkdir -p /tmp/d47_177 && touch /tmp/d47_177/f
WORKDIR /work/w9
ARG A_47_179=default_47_179
LABEL org.example.l47_180="label 47_180"
LABEL org.example.l47_181="label 47_181"
ARG A_47_182=default_47_182
COPY --from=s46 /tmp /from-47_183/
WORKDIR /work/w2
RUN echo step 47_185 && mkdir -p /tmp/d47_185 && touch /tmp/d47_185/f
COPY src/file_47_186.txt /app/dir_16/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s47_187
ARG A_47_188=default_47_188
EXPOSE 8189/tcp
EXPOSE 8190/tcp
COPY src/file_47_191.txt /app/dir_4/
WORKDIR /work/w10
COPY src/file_47_193.txt /app/dir_6/
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s47_194
ENV VAR_47_195=value_47_195 OTHER_47_195=${A_22_186}
RUN echo step 47_196 && mkdir -p /tmp/d47_196 && touch /tmp/d47_196/f
ENV VAR_47_197=value_47_197 OTHER_47_197=${A_42_167}
EXPOSE 8198/tcp
COPY src/file_47_199.txt /app/dir_12/
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s48
COPY src/file_48_0.txt /app/dir_0/
USER root
WORKDIR /work/w2
COPY --from=s47 /tmp /from-48_3/
ENV VAR_48_4=value_48_4 OTHER_48_4=${A_9_69}
ENV VAR_48_5=value_48_5 OTHER_48_5=${A_30_58}
USER root
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s48_7
USER root
RUN echo step 48_9 && mkdir -p /tmp/d48_9 && touch /tmp/d48_9/f
RUN echo step 48_10 && mkdir -p /tmp/d48_10 && touch /tmp/d48_10/f
ENV VAR_48_11=value_48_11 OTHER_48_11=${A_35_138}
COPY src/file_48_12.txt /app/dir_12/
RUN echo step 48_13 && mkdir -p /tmp/d48_13 && touch /tmp/d48_13/f
ENV VAR_48_14=value_48_14 OTHER_48_14=${A_19_2}
LABEL org.example.l48_15="label 48_15"
EXPOSE 8016/tcp
ENV VAR_48_17=value_48_17 OTHER_48_17=${A_18_42}
RUN echo step 48_18 && mkdir -p /tmp/d48_18 && touch /tmp/d48_18/f
COPY --from=s47 /tmp /from-48_19/
COPY src/file_48_20.txt /app/dir_3/
WORKDIR /work/w8
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s48_22
ENV VAR_48_23=value_48_23 OTHER_48_23=${A_4_19}
COPY src/file_48_24.txt /app/dir_7/
COPY src/file_48_25.txt /app/dir_8/
RUN echo step 48_26 && mkdir -p /tmp/d48_26 && touch /tmp/d48_26/f
USER root
RUN echo step 48_28 && mkdir -p /tmp/d48_28 && touch /tmp/d48_28/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s48_29
LABEL org.example.l48_30="label 48_30"
ARG A_48_31=default_48_31
LABEL org.example.l48_32="label 48_32"
COPY src/file_48_33.txt /app/dir_16/
RUN echo step 48_34 && mkdir -p /tmp/d48_34 && touch /tmp/d48_34/f
LABEL org.example.l48_35="label 48_35"
LABEL org.example.l48_36="label 48_36"
COPY src/file_48_37.txt /app/dir_3/
WORKDIR /work/w12
ARG A_48_39=default_48_39
RUN echo step 48_40 && mkdir -p /tmp/d48_40 && touch /tmp/d48_40/f
COPY --from=s47 /tmp /from-48_41/
EXPOSE 8042/tcp
COPY src/file_48_43.txt /app/dir_9/
COPY src/file_48_44.txt /app/dir_10/
WORKDIR /work/w6
LABEL org.example.l48_46="label 48_46"
RUN echo step 48_47 && mkdir -p /tmp/d48_47 && touch /tmp/d48_47/f
ENV VAR_48_48=value_48_48 OTHER_48_48=${A_40_3}
LABEL org.example.l48_49="label 48_49"
ENV VAR_48_50=value_48_50 OTHER_48_50=${A_35_73}
USER root
RUN echo step 48_52 && mkdir -p /tmp/d48_52 && touch /tmp/d48_52/f
RUN echo step 48_53 && mkdir -p /tmp/d48_53 && touch /tmp/d48_53/f
WORKDIR /work/w2
LABEL org.example.l48_55="label 48_55"
RUN echo step 48_56 && mkdir -p /tmp/d48_56 && touch /tmp/d48_56/f
USER root
ENV VAR_48_58=value_48_58 OTHER_48_58=${A_47_80}
WORKDIR /work/w7
ENV VAR_48_60=value_48_60 OTHER_48_60=${A_26_119}
LABEL org.example.l48_61="label 48_61"
COPY src/file_48_62.txt /app/dir_11/
RUN echo step 48_63 && mkdir -p /tmp/d48_63 && touch /tmp/d48_63/f
WORKDIR /work/w12
RUN echo step 48_65 && mkdir -p /tmp/d48_65 && touch /tmp/d48_65/f
ENV VAR_48_66=value_48_66 OTHER_48_66=${A_5_163}
ENV VAR_48_67=value_48_67 OTHER_48_67=${A_14_131}
ENV VAR_48_68=value_48_68 OTHER_48_68=${A_23_191}
EXPOSE 8069/tcp
ENV VAR_48_70=value_48_70 OTHER_48_70=${A_36_111}
EXPOSE 8071/tcp
ARG A_48_72=default_48_72
USER root
RUN echo step 48_74 && mkdir -p /tmp/d48_74 && touch /tmp/d48_74/f
RUN echo step 48_75 && mkdir -p /tmp/d48_75 && touch /tmp/d48_75/f
RUN echo step 48_76 && mkdir -p /tmp/d48_76 && touch /tmp/d48_76/f
ENV VAR_48_77=value_48_77 OTHER_48_77=${A_30_199}
USER root
WORKDIR /work/w1
COPY src/file_48_80.txt /app/dir_12/
RUN echo step 48_81 && mkdir -p /tmp/d48_81 && touch /tmp/d48_81/f
COPY src/file_48_82.txt /app/dir_14/
ARG A_48_83=default_48_83
LABEL org.example.l48_84="label 48_84"
COPY src/file_48_85.txt /app/dir_0/
ENV VAR_48_86=value_48_86 OTHER_48_86=${A_5_60}
ENV VAR_48_87=value_48_87 OTHER_48_87=${A_34_176}
ENV VAR_48_88=value_48_88 OTHER_48_88=${A_21_105}
ARG A_48_89=default_48_89
EXPOSE 8090/tcp
RUN echo step 48_91 && mkdir -p /tmp/d48_91 && touch /tmp/d48_91/f
COPY src/file_48_92.txt /app/dir_7/
RUN echo step 48_93 && mkdir -p /tmp/d48_93 && touch /tmp/d48_93/f
RUN echo step 48_94 && mkdir -p /tmp/d48_94 && touch /tmp/d48_94/f
COPY --from=s47 /tmp /from-48_95/
ENV VAR_48_96=value_48_96 OTHER_48_96=${A_22_188}
ENV VAR_48_97=value_48_97 OTHER_48_97=${A_24_55}
RUN echo step 48_98 && mkdir -p /tmp/d48_98 && touch /tmp/d48_98/f
RUN echo step 48_99 && mkdir -p /tmp/d48_99 && touch /tmp/d48_99/f
EXPOSE 8100/tcp
LABEL org.example.l48_101="label 48_101"
LABEL org.example.l48_102="label 48_102"
COPY --from=s47 /tmp /from-48_103/
COPY src/file_48_104.txt /app/dir_2/
RUN echo step 48_105 && mkdir -p /tmp/d48_105 && touch /tmp/d48_105/f
WORKDIR /work/w2
COPY src/file_48_107.txt /app/dir_5/
ENV VAR_48_108=value_48_108 OTHER_48_108=${A_45_161}
ARG A_48_109=default_48_109
LABEL org.example.l48_110="label 48_110"
WORKDIR /work/w7
ENV VAR_48_112=value_48_112 OTHER_48_112=${A_8_136}
COPY src/file_48_113.txt /app/dir_11/
ENV VAR_48_114=value_48_114 OTHER_48_114=${A_10_26}
WORKDIR /work/w11
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s48_116
LABEL org.example.l48_117="label 48_117"
ENV VAR_48_118=value_48_118 OTHER_48_118=${A_25_146}
RUN echo step 48_119 && mkdir -p /tmp/d48_119 && touch /tmp/d48_119/f
LABEL org.example.l48_120="label 48_120"
RUN --mount=type=cache,target=/root/.cache/c1 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s48_121
RUN echo step 48_122 && mkdir -p /tmp/d48_122 && touch /tmp/d48_122/f
ENV VAR_48_123=value_48_123 OTHER_48_123=${A_38_56}
COPY src/file_48_124.txt /app/dir_5/
LABEL org.example.l48_125="label 48_125"
RUN echo step 48_126 && mkdir -p /tmp/d48_126 && touch /tmp/d48_126/f
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s48_127
WORKDIR /work/w11
LABEL org.example.l48_129="label 48_129"
RUN echo step 48_130 && mkdir -p /tmp/d48_130 && touch /tmp/d48_130/f
EXPOSE 8131/tcp
ENV VAR_48_132=value_48_132 OTHER_48_132=${A_15_130}
LABEL org.example.l48_133="label 48_133"
ARG A_48_134=default_48_134
COPY src/file_48_135.txt /app/dir_16/
COPY src/file_48_136.txt /app/dir_0/
ENV VAR_48_137=value_48_137 OTHER_48_137=${A_2_141}
ENV VAR_48_138=value_48_138 OTHER_48_138=${A_12_170}
RUN echo step 48_139 && mkdir -p /tmp/d48_139 && touch /tmp/d48_139/f
RUN echo step 48_140 && mkdir -p /tmp/d48_140 && touch /tmp/d48_140/f
RUN echo step 48_141 && mkdir -p /tmp/d48_141 && touch /tmp/d48_141/f
ARG A_48_142=default_48_142
ENV VAR_48_143=value_48_143 OTHER_48_143=${A_22_112}
COPY --from=s47 /tmp /from-48_144/
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s48_145
ENV VAR_48_146=value_48_146 OTHER_48_146=${A_4_199}
LABEL org.example.l48_147="label 48_147"
USER root
ENV VAR_48_149=value_48_149 OTHER_48_149=${A_31_122}
COPY src/file_48_150.txt /app/dir_14/
USER root
LABEL org.example.l48_152="label 48_152"
RUN echo step 48_153 && mkdir -p /tmp/d48_153 && touch /tmp/d48_153/f
USER root
COPY --from=s47 /tmp /from-48_155/
RUN echo step 48_156 && mkdir -p /tmp/d48_156 && touch /tmp/d48_156/f
LABEL org.example.l48_157="label 48_157"
RUN echo step 48_158 && mkdir -p /tmp/d48_158 && touch /tmp/d48_158/f
ARG A_48_159=default_48_159
RUN echo step 48_160 && mkdir -p /tmp/d48_160 && touch /tmp/d48_160/f
COPY src/file_48_161.txt /app/dir_8/
ENV VAR_48_162=value_48_162 OTHER_48_162=${A_46_194}
RUN echo step 48_163 && mkdir -p /tmp/d48_163 && touch /tmp/d48_163/f
COPY src/file_48_164.txt /app/dir_11/
LABEL org.example.l48_165="label 48_165"
WORKDIR /work/w10
COPY src/file_48_167.txt /app/dir_14/
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s48_168
RUN echo step 48_169 && mkdir -p /tmp/d48_169 && touch /tmp/d48_169/f
ENV VAR_48_170=value_48_170 OTHER_48_170=${A_48_89}
COPY src/file_48_171.txt /app/dir_1/
RUN echo step 48_172 && mkdir -p /tmp/d48_172 && touch /tmp/d48_172/f
RUN echo step 48_173 && mkdir -p /tmp/d48_173 && touch /tmp/d48_173/f
ARG A_48_174=default_48_174
ENV VAR_48_175=value_48_175 OTHER_48_175=${A_15_52}
COPY src/file_48_176.txt /app/dir_6/
USER root
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s48_178
ARG A_48_179=default_48_179
RUN echo step 48_180 && mkdir -p /tmp/d48_180 && touch /tmp/d48_180/f
USER root
ENV VAR_48_182=value_48_182 OTHER_48_182=${A_21_63}
RUN echo step 48_183 && mkdir -p /tmp/d48_183 && touch /tmp/d48_183/f
WORKDIR /work/w2
RUN echo step 48_185 && mkdir -p /tmp/d48_185 && touch /tmp/d48_185/f
COPY src/file_48_186.txt /app/dir_16/
RUN echo step 48_187 && mkdir -p /tmp/d48_187 && touch /tmp/d48_187/f
WORKDIR /work/w6
ARG A_48_189=default_48_189
RUN echo step 48_190 && mkdir -p /tmp/d48_190 && touch /tmp/d48_190/f
RUN echo step 48_191 && mkdir -p /tmp/d48_191 && touch /tmp/d48_191/f
RUN echo step 48_192 && mkdir -p /tmp/d48_192 && touch /tmp/d48_192/f
ARG A_48_193=default_48_193
RUN echo step 48_194 && mkdir -p /tmp/d48_194 && touch /tmp/d48_194/f
LABEL org.example.l48_195="label 48_195"
WORKDIR /work/w1
RUN echo step 48_197 && mkdir -p /tmp/d48_197 && touch /tmp/d48_197/f
ARG A_48_198=default_48_198
ENV VAR_48_199=value_48_199 OTHER_48_199=${A_22_169}
CMD ["sh", "-c", "echo done"]
FROM ${BASE} AS s49
COPY src/file_49_0.txt /app/dir_0/
RUN echo step 49_1 && mkdir -p /tmp/d49_1 && touch /tmp/d49_1/f
ENV VAR_49_2=value_49_2 OTHER_49_2=${A_39_2}
RUN echo step 49_3 && mkdir -p /tmp/d49_3 && touch /tmp/d49_3/f
ENV VAR_49_4=value_49_4 OTHER_49_4=${A_0_129}
LABEL org.example.l49_5="label 49_5"
RUN echo step 49_6 && mkdir -p /tmp/d49_6 && touch /tmp/d49_6/f
WORKDIR /work/w7
RUN echo step 49_8 && mkdir -p /tmp/d49_8 && touch /tmp/d49_8/f
EXPOSE 8009/tcp
ARG A_49_10=default_49_10
ARG A_49_11=default_49_11
ARG A_49_12=default_49_12
COPY --from=s48 /tmp /from-49_13/
LABEL org.example.l49_14="label 49_14"
ENV VAR_49_15=value_49_15 OTHER_49_15=${A_6_43}
COPY src/file_49_16.txt /app/dir_16/
RUN --mount=type=cache,target=/root/.cache/c2 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s49_17
ENV VAR_49_18=value_49_18 OTHER_49_18=${A_44_176}
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s49_19
COPY --from=s48 /tmp /from-49_20/
WORKDIR /work/w8
COPY src/file_49_22.txt /app/dir_5/
RUN echo step 49_23 && mkdir -p /tmp/d49_23 && touch /tmp/d49_23/f
RUN --mount=type=cache,target=/root/.cache/c4 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s49_24
COPY src/file_49_25.txt /app/dir_8/
ENV VAR_49_26=value_49_26 OTHER_49_26=${A_3_145}
RUN echo step 49_27 && mkdir -p /tmp/d49_27 && touch /tmp/d49_27/f
COPY --from=s48 /tmp /from-49_28/
RUN echo step 49_29 && mkdir -p /tmp/d49_29 && touch /tmp/d49_29/f
RUN echo step 49_30 && mkdir -p /tmp/d49_30 && touch /tmp/d49_30/f
COPY src/file_49_31.txt /app/dir_14/
RUN echo step 49_32 && mkdir -p /tmp/d49_32 && touch /tmp/d49_32/f
EXPOSE 8033/tcp
EXPOSE 8034/tcp
COPY src/file_49_35.txt /app/dir_1/
COPY src/file_49_36.txt /app/dir_2/
ENV VAR_49_37=value_49_37 OTHER_49_37=${A_16_122}
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s49_38
EXPOSE 8039/tcp
RUN echo step 49_40 && mkdir -p /tmp/d49_40 && touch /tmp/d49_40/f
USER root
COPY src/file_49_42.txt /app/dir_8/
EXPOSE 8043/tcp
ENV VAR_49_44=value_49_44 OTHER_49_44=${A_32_106}
ENV VAR_49_45=value_49_45 OTHER_49_45=${A_29_176}
RUN echo step 49_46 && mkdir -p /tmp/d49_46 && touch /tmp/d49_46/f
COPY src/file_49_47.txt /app/dir_13/
COPY src/file_49_48.txt /app/dir_14/
USER root
ENV VAR_49_50=value_49_50 OTHER_49_50=${A_10_80}
ENV VAR_49_51=value_49_51 OTHER_49_51=${A_1_150}
COPY src/file_49_52.txt /app/dir_1/
COPY --from=s48 /tmp /from-49_53/
RUN echo step 49_54 && mkdir -p /tmp/d49_54 && touch /tmp/d49_54/f
RUN --mount=type=cache,target=/root/.cache/c0 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s49_55
COPY --from=s48 /tmp /from-49_56/
COPY src/file_49_57.txt /app/dir_6/
RUN echo step 49_58 && mkdir -p /tmp/d49_58 && touch /tmp/d49_58/f
ENV VAR_49_59=value_49_59 OTHER_49_59=${A_1_81}
ENV VAR_49_60=value_49_60 OTHER_49_60=${A_33_169}
COPY src/file_49_61.txt /app/dir_10/
WORKDIR /work/w10
ARG A_49_63=default_49_63
RUN echo step 49_64 && mkdir -p /tmp/d49_64 && touch /tmp/d49_64/f
COPY src/file_49_65.txt /app/dir_14/
COPY src/file_49_66.txt /app/dir_15/
ENV VAR_49_67=value_49_67 OTHER_49_67=${A_12_118}
RUN --mount=type=cache,target=/root/.cache/c3 --mount=type=bind,source=src,target=/src cp -r /src /tmp/s49_68
RUN echo step 49_69 && mkdir -p /tmp/d49_69 && touch /tmp/d49_69/f
RUN echo step 49_70 && mkdir -p /tmp/d49_70 && touch /tmp/d49_70/f
COPY src/file_49_71.txt /app/dir_3/
ENV VAR_49_72=value_49_72 OTHER_49_72=${A_22_20}
ARG A_49_73=default_49_73
RUN echo step 49_74 && mkdir -p /tmp/d49_74 && touch /tmp/d49_74/f
ENV VAR_49_75=value_49_75 OTHER_49_75=${A_36_84}
ENV VAR_49_76=value_49_76 OTHER_49_76=${A_24_169}
ENV VAR_49_77=value_49_77 OTHER_49_77=${A_26_147}
ENV VAR_49_78=value_49_78 OTHER_49_78=${A_13_185}
RUN echo step 49_79 && mkdir -p /tmp/d49_79 && touch /tmp/d49_79/f
COPY src/file_49_80.txt /app/dir_12/
LABEL org.example.l49_81="label 49_81"
ENV VAR_49_82=value_49_82 OTHER_49_82=${A_13_185}
COPY src/file_49_83.txt /app/dir_15/
COPY src/file_49_84.txt /app/dir_16/
RUN echo step 49_85 && mkdir -p /tmp/d49_85 && touch /tmp/d49_85/f
RUN echo step 49_86 && mkdir -p /tmp/d49_86 && touch /tmp/d49_86/f
COPY src/file_49_87.txt /app/dir_2/
RUN echo step 49_88 && mkdir -p /tmp/d49_88 && touch /tmp/d49_88/f
USER root
ARG A_49_90=default_49_90
COPY --from=s48 /tmp /from-49_91/
COPY src/file_49_92.txt /app/dir_7/
RUN echo step 49_93 && mkdir -p /tmp/d49_93 && touch /tmp/d49_93/f
COPY src/file_49_94.txt /app/dir_9/
LABEL org.example.l49_95="label 49_95"
RUN echo step 49_96 && mkdir -p /tmp/d49_96 && touch /tmp/d49_96/f
RUN echo step 49_97 && mkdir -p /tmp/d49_97 && touch /tmp/d49_97/f
USER root
LABEL org.example.l49_99="label 49_99"
COPY src/file_49_100.txt /app/dir_15/
CMD ["sh", "-c", "echo done"]
