/* differ.h - what the differential test's parts share. */
#ifndef DIFFER_H
#define DIFFER_H
#include <gss.h>

/* Every function and OID of GNU GSS 1.0.4's ABI, from one library. */
#define API_SYMBOLS \
  SYM (gss_acquire_cred) \
  SYM (gss_release_cred) \
  SYM (gss_init_sec_context) \
  SYM (gss_accept_sec_context) \
  SYM (gss_process_context_token) \
  SYM (gss_delete_sec_context) \
  SYM (gss_context_time) \
  SYM (gss_get_mic) \
  SYM (gss_verify_mic) \
  SYM (gss_wrap) \
  SYM (gss_unwrap) \
  SYM (gss_display_status) \
  SYM (gss_indicate_mechs) \
  SYM (gss_compare_name) \
  SYM (gss_display_name) \
  SYM (gss_import_name) \
  SYM (gss_export_name) \
  SYM (gss_release_name) \
  SYM (gss_release_buffer) \
  SYM (gss_release_oid_set) \
  SYM (gss_inquire_cred) \
  SYM (gss_inquire_context) \
  SYM (gss_wrap_size_limit) \
  SYM (gss_add_cred) \
  SYM (gss_inquire_cred_by_mech) \
  SYM (gss_export_sec_context) \
  SYM (gss_import_sec_context) \
  SYM (gss_create_empty_oid_set) \
  SYM (gss_add_oid_set_member) \
  SYM (gss_test_oid_set_member) \
  SYM (gss_inquire_names_for_mech) \
  SYM (gss_inquire_mechs_for_name) \
  SYM (gss_canonicalize_name) \
  SYM (gss_duplicate_name) \
  SYM (gss_sign) \
  SYM (gss_verify) \
  SYM (gss_seal) \
  SYM (gss_unseal) \
  SYM (gss_inquire_saslname_for_mech) \
  SYM (gss_inquire_mech_for_saslname) \
  SYM (gss_oid_equal) \
  SYM (gss_encapsulate_token) \
  SYM (gss_decapsulate_token) \
  SYM (gss_check_version) \
  SYM (gss_userok) \
  VAR (GSS_C_NT_USER_NAME) \
  VAR (GSS_C_NT_MACHINE_UID_NAME) \
  VAR (GSS_C_NT_STRING_UID_NAME) \
  VAR (GSS_C_NT_HOSTBASED_SERVICE_X) \
  VAR (GSS_C_NT_HOSTBASED_SERVICE) \
  VAR (GSS_C_NT_ANONYMOUS) \
  VAR (GSS_C_NT_EXPORT_NAME) \
  VAR (GSS_KRB5) \
  VAR (GSS_KRB5_NT_USER_NAME) \
  VAR (GSS_KRB5_NT_HOSTBASED_SERVICE_NAME) \
  VAR (GSS_KRB5_NT_PRINCIPAL_NAME) \
  VAR (GSS_KRB5_NT_MACHINE_UID_NAME) \
  VAR (GSS_KRB5_NT_STRING_UID_NAME) \
  /* end */

struct api
{
#define SYM(name) __typeof__ (name) *name;
#define VAR(name) gss_OID name;
  API_SYMBOLS
#undef SYM
#undef VAR
};
extern struct api api;

struct probe
{
  char name[200];		/* a leading '-': runs in one configuration only */
  void (*run) (int arg);
  int arg;
};

/* A difference the table accepts: in probes matching PATTERN (fnmatch;
   the name is CONFIGURATION/PROBE), where GNU's record first differs
   with a line matching GNU_LINE (any line when NULL); and why. */
struct intended
{
  const char *pattern;
  const char *gnu_line;
  const char *reason;
};
extern const struct intended intended[];

void say (const char *fmt, ...) __attribute__ ((format (printf, 1, 2)));
void add_probe (void (*run) (int), int arg, const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));
void register_probes (void);

#endif
