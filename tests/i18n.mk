## Tests of the translations (issue 6).
