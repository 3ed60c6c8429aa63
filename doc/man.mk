## Man pages of the API: one man3 page per exported function, made from
## the structured comments above each function in lib/ (issue 6).
