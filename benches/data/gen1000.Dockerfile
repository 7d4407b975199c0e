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
CMD ["sh", "-c", "echo done"]
