# ChatBot host: build with the .NET SDK, run on the ASP.NET Core runtime.
#   docker build -t chatbot .
#   docker run -p 127.0.0.1:5080:5080 -v chatbot-data:/app/data -e ChatBot__Discord__Token=... chatbot

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# global.json is left out on purpose: it pins the SDK band used here, while the image brings its own 10.0 SDK.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY config/ config/
COPY src/ src/
RUN dotnet restore src/ChatBot.Host/ChatBot.Host.csproj \
    && dotnet publish src/ChatBot.Host/ChatBot.Host.csproj -c Release --no-restore -o /app/publish /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# ffmpeg: the local provider's video and image decoding.
RUN apt-get update \
    && apt-get install -y --no-install-recommends ffmpeg \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build /app/publish ./

# The SQLite database, media and the Playground's admin choice live in /app/data (relative paths start
# at the working directory). Owned by the image's non-root user, kept in a volume.
RUN mkdir -p /app/data && chown -R app:app /app/data
VOLUME ["/app/data"]

# Outside a container the host listens on 127.0.0.1 only. Inside one it must listen on all interfaces
# for a published port to reach it: this is deliberate. Publish it to the host's loopback
# (-p 127.0.0.1:5080:5080) or put it behind a reverse proxy; do not expose the Playground to the internet.
# Not being loopback, it needs ChatBot__Playground__AdminPassword while the Playground is on (else the host refuses to start).
ENV ASPNETCORE_URLS=http://0.0.0.0:5080 \
    DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 5080

# The aspnet image ships a non-root user "app" (uid 1654).
USER app

# Health: GET /healthz (200 when storage answers; the body also gives the queue depth).
ENTRYPOINT ["dotnet", "ChatBot.Host.dll"]
