/* common.h - what the example client and server share: token frames on a
   TCP stream, status reports and the printing of names and flags.  */
#ifndef EXAMPLES_COMMON_H
#define EXAMPLES_COMMON_H

#include <gss.h>

/* The port both programs use when -p is not given. */
#define EXAMPLE_DEFAULT_PORT "4460"

/* The largest token a peer may announce: a Kerberos AP-REQ with a
   forwarded ticket is a few kilobytes, and nothing here needs more, so a
   bigger length is taken as garbage rather than allocated.  */
#define EXAMPLE_MAX_TOKEN (1024 * 1024)

/* Sends TOKEN as one frame: a 4-octet big-endian length, then the octets.
   Returns 0, or -1 after printing why.  */
int send_token (const char *prog, int fd, const gss_buffer_desc *token);

/* Reads one frame into TOKEN, whose value is then malloc'd (free it with
   free, not gss_release_buffer: the library did not allocate it).
   Returns 0, or -1 after printing why (end of stream included).  */
int recv_token (const char *prog, int fd, gss_buffer_desc *token);

/* Prints every text gss_display_status has for MAJOR and for the
   Kerberos mechanism's MINOR, each line prefixed by PROG and WHAT.  */
void report (const char *prog, const char *what, OM_uint32 major,
	     OM_uint32 minor);

/* Prints "PROG: LABEL NAME" with the printable form of NAME.
   Returns 0, or -1 after reporting the failure.  */
int print_name (const char *prog, const char *label, gss_name_t name);

/* Prints "PROG: flags 0xN: NAMES..." for the context flags FLAGS.  */
void print_flags (const char *prog, OM_uint32 flags);

#endif /* EXAMPLES_COMMON_H */
