## Example client and server (issue 6).
