# escape=`

FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
WORKDIR C:\app
RUN New-Item -ItemType Directory -Path C:\data ; `
    Write-Host "created" ; `
    # a comment inside the continuation
    Get-ChildItem C:\
COPY app\ C:\app\
ENV APP_HOME=C:\app `
    LOG_DIR=C:\logs
USER ContainerAdministrator
CMD ["C:\\app\\server.exe"]
