@echo off
rem `jejak`, the command line of the installed Jejak (Windows): the app runs the CLI bundle
rem without a window (electron/main/cli-mode.ts). Put this folder on the PATH.
"%~dp0..\..\Jejak.exe" --jejak-cli -- %*
exit /b %ERRORLEVEL%
