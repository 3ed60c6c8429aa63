## The Texinfo manual: info by make, HTML by make html (issue 6).
