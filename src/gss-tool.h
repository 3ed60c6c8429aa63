/* gss-tool.h - what the parts of the gss command-line tool share. */
#ifndef GSS_TOOL_H
#define GSS_TOOL_H

#include <gss.h>
#include <stdbool.h>
#include "gettext.h"

#define _(s) gettext (s)
#define N_(s) s

/* Prints the texts of a major (and, with a mechanism, minor) status to
   standard error after WHAT. */
void tool_report (const char *what, OM_uint32 major, OM_uint32 minor);

/* -m: explains a major status code; returns the exit status. */
int tool_explain_major (OM_uint32 status, bool quiet);

/* -i and -a: establish a context exchanging base64 tokens, one per
   line, on standard input and output; return the exit status. */
int tool_initiate (const char *mech, const char *server, bool quiet);
int tool_accept (const char *mech, const char *server, bool quiet);

#endif
