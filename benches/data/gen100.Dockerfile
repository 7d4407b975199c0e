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
CMD ["sh", "-c", "echo done"]
