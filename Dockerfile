# The app alone; docker-compose.yml pairs it with PostgreSQL.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/HauGiang.Tracker.Core/HauGiang.Tracker.Core.csproj src/HauGiang.Tracker.Core/
COPY src/HauGiang.Tracker.Web/HauGiang.Tracker.Web.csproj src/HauGiang.Tracker.Web/
RUN dotnet restore src/HauGiang.Tracker.Web/HauGiang.Tracker.Web.csproj
COPY src/ src/
RUN dotnet publish src/HauGiang.Tracker.Web/HauGiang.Tracker.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "HauGiang.Tracker.Web.dll"]
