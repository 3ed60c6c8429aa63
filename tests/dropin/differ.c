/* differ.c - the differential test: every probe runs twice, in a fresh
   process each time, once on GNU GSS 1.0.4 (Debian's libgss.so.3) and
   once on ours, and the two records must be equal unless the table of
   intended differences (differ-table.c) names the probe, with a reason.

   Built against GNU's headers only: it is a GNU GSS program.  Both
   libraries are opened by path with dlopen, in the child, so each probe
   sees one library and nothing left over by an earlier probe; dladdr
   proves which file answered.

   Usage: differ GNU-LIBRARY OUR-LIBRARY [PROBE-PREFIX]
   A record is the text the probe prints: statuses, whether a minor
   status was stored, and the outputs.  A child killed by a signal
   records "crash" after what it printed before dying. */
#define _GNU_SOURCE		/* dladdr */
#include <gss.h>
#if GSS_VERSION_NUMBER >= 0x010100
#error "built against libgss's headers instead of GNU GSS's"
#endif
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "differ.h"

struct api api;
static int out_fd = -1;

/* A probe's output goes straight down the pipe, so what was printed
   before a crash is still compared. */
void
say (const char *fmt, ...)
{
  char line[2048];
  va_list ap;
  int n;

  va_start (ap, fmt);
  n = vsnprintf (line, sizeof line - 1, fmt, ap);
  va_end (ap);
  if (n < 0)
    return;
  if ((size_t) n > sizeof line - 2)
    n = sizeof line - 2;
  line[n++] = '\n';
  if (write (out_fd, line, (size_t) n) < 0)
    _exit (3);
}

static struct probe *probes;
static size_t nprobes, probes_alloc;

void
add_probe (void (*run) (int), int arg, const char *fmt, ...)
{
  va_list ap;

  if (nprobes == probes_alloc)
    {
      probes_alloc = probes_alloc ? 2 * probes_alloc : 256;
      probes = realloc (probes, probes_alloc * sizeof *probes);
      if (probes == NULL)
	abort ();
    }
  va_start (ap, fmt);
  if (vsnprintf (probes[nprobes].name, sizeof probes[nprobes].name, fmt, ap) < 0)
    abort ();
  va_end (ap);
  probes[nprobes].run = run;
  probes[nprobes].arg = arg;
  nprobes++;
}

static void
say_version (int arg)
{
  (void) arg;
  say ("version %s", api.gss_check_version (NULL));
}

static const char *conf_path[3];
static const char *const conf_label[3] = { "noconf", "emptyconf", "realmconf" };

/* Open one library and resolve every symbol of GNU's ABI from it. */
static int
load (const char *path)
{
  void *h = dlopen (path, RTLD_NOW | RTLD_LOCAL);
  Dl_info info;
  char want[4096], got[4096];

  if (h == NULL)
    {
      say ("dlopen: %s", dlerror ());
      return -1;
    }
#define SYM(name) \
  if ((api.name = dlsym (h, #name)) == NULL) { say ("missing %s", #name); return -1; }
#define VAR(name) \
  { gss_OID *p = dlsym (h, #name); if (p == NULL) { say ("missing %s", #name); return -1; } \
    api.name = *p; }
  API_SYMBOLS
#undef SYM
#undef VAR
  /* The symbol really comes from the file named. */
  if (dladdr ((void *) api.gss_import_name, &info) == 0
      || realpath (info.dli_fname, got) == NULL || realpath (path, want) == NULL
      || strcmp (got, want) != 0)
    {
      say ("gss_import_name does not come from %s", path);
      return -1;
    }
  return 0;
}

/* Run probe P with configuration C on library PATH; the record lands in
   BUF. */
static void
run_one (const char *path, const struct probe *p, int c, char *buf, size_t size)
{
  int fds[2], status;
  pid_t pid;
  size_t len = 0;
  ssize_t n;

  if (pipe (fds) != 0)
    abort ();
  pid = fork ();
  if (pid < 0)
    abort ();
  if (pid == 0)
    {
      close (fds[0]);
      out_fd = fds[1];
      if (conf_path[c] != NULL)
	setenv ("KRB5_CONFIG", conf_path[c], 1);
      alarm (20);
      if (load (path) == 0)
	p->run (p->arg);
      _exit (0);
    }
  close (fds[1]);
  while (len < size - 1 && (n = read (fds[0], buf + len, size - 1 - len)) != 0)
    {
      if (n < 0 && errno == EINTR)
	continue;
      if (n < 0)
	break;
      len += (size_t) n;
    }
  buf[len] = '\0';
  close (fds[0]);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;
  if (WIFSIGNALED (status))
    snprintf (buf + len, size - len, "crash (signal %d)\n", WTERMSIG (status));
  else if (WEXITSTATUS (status) != 0)
    snprintf (buf + len, size - len, "exit %d\n", WEXITSTATUS (status));
}

static void
indent (const char *label, const char *text)
{
  printf ("  %s:\n", label);
  while (*text)
    {
      const char *nl = strchr (text, '\n');
      int len = nl ? (int) (nl - text) : (int) strlen (text);
      printf ("    %.*s\n", len, text);
      text += len + (nl != NULL);
    }
}

static const struct intended *
intended_for (const char *name, const char *gnu_line)
{
  const struct intended *i;

  for (i = intended; i->pattern != NULL; i++)
    if (fnmatch (i->pattern, name, 0) == 0
	&& (i->gnu_line == NULL || fnmatch (i->gnu_line, gnu_line, 0) == 0))
      return i;
  return NULL;
}

static size_t
count_lines (const char *s)
{
  size_t n = 0;

  for (; *s; s++)
    n += *s == '\n';
  return n;
}

/* Compare the records of probe NAME line by line.  A minor status
   libgss gives where GNU GSS gives none is no difference: saying why is
   never something a program trips on.  Each differing line must be
   covered by the table; after one, the comparison goes on while both
   records have as many lines left (the same calls follow), and stops
   when they do not (the rest follows from the difference).  Returns
   the number of table entries used, or -1 when a difference is not in
   the table; the entries go to USED. */
static int
compare_records (const char *name, const char *gnu, const char *ours,
		 const struct intended **used, int max_used)
{
  int n = 0;
  char line[2048];

  while (*gnu || *ours)
    {
      size_t g = strcspn (gnu, "\n"), o = strcspn (ours, "\n");
      const char *gm = memmem (gnu, g, " minor none", 11);
      const struct intended *it;

      if (!(g == o && memcmp (gnu, ours, g) == 0)
	  && !(gm != NULL && o == g - 1 && memcmp (gnu, ours, (size_t) (gm - gnu)) == 0
	       && memcmp (ours + (gm - gnu), " minor set", 10) == 0))
	{
	  snprintf (line, sizeof line, "%.*s", (int) g, gnu);
	  it = intended_for (name, line);
	  if (it == NULL)
	    {
	      printf ("FAIL: %s differs at \"%s\"\n", name, line);
	      return -1;
	    }
	  if (n < max_used)
	    used[n++] = it;
	  if (count_lines (gnu) != count_lines (ours))
	    break;
	}
      gnu += g + (gnu[g] == '\n');
      ours += o + (ours[o] == '\n');
    }
  return n;
}

/* Write the three configurations: none at all (a file that does not
   exist), an empty one, one with a default realm. */
static int
write_confs (char *dir)
{
  static char empty[4200], realm[4200], none[4200], shishi[4200];
  FILE *f;

  if (mkdtemp (dir) == NULL)
    return -1;
  snprintf (none, sizeof none, "%s/none.conf", dir);
  snprintf (empty, sizeof empty, "%s/empty.conf", dir);
  snprintf (realm, sizeof realm, "%s/realm.conf", dir);
  if ((f = fopen (empty, "w")) == NULL || fclose (f) != 0)
    return -1;
  if ((f = fopen (realm, "w")) == NULL)
    return -1;
  fputs ("[libdefaults]\n\tdefault_realm = EXAMPLE.ORG\n\tdns_lookup_kdc = false\n"
	 "\tdns_lookup_realm = false\n[domain_realm]\n\t.example.org = EXAMPLE.ORG\n", f);
  if (fclose (f) != 0)
    return -1;
  /* Shishi warns about a missing configuration on every start. */
  snprintf (shishi, sizeof shishi, "%s/shishi.conf", dir);
  if ((f = fopen (shishi, "w")) == NULL || fclose (f) != 0)
    return -1;
  conf_path[0] = none;
  conf_path[1] = empty;
  conf_path[2] = realm;
  /* No ambient credentials for either library: MIT's cache and keytab,
     Shishi's home. */
  setenv ("HOME", dir, 1);
  setenv ("SHISHI_HOME", dir, 1);
  setenv ("SHISHI_CONFIG", empty, 1);
  setenv ("KRB5CCNAME", "FILE:/nonexistent/ccache", 1);
  setenv ("KRB5_KTNAME", "FILE:/nonexistent/keytab", 1);
  setenv ("KRB5_CLIENT_KTNAME", "FILE:/nonexistent/client-keytab", 1);
  return 0;
}

int
main (int argc, char **argv)
{
  static char gnu[16384], ours[16384];
  char dir[4100];
  size_t i, same = 0, expected = 0, unexpected = 0, crashes_gnu = 0, crashes_ours = 0;
  const char *prefix = argc > 3 ? argv[3] : "";
  int c, verbose = getenv ("DIFFER_VERBOSE") != NULL;
  const struct intended *it;
  static size_t uses[1000];		/* differences covered, by entry */

  if (argc < 3)
    {
      fprintf (stderr, "usage: %s GNU-LIBRARY OUR-LIBRARY [PROBE-PREFIX]\n", argv[0]);
      return 2;
    }
  /* Shishi may write under its home: a directory of our own. */
  snprintf (dir, sizeof dir, "%s/differ.XXXXXX",
	    getenv ("TMPDIR") != NULL ? getenv ("TMPDIR") : ".");
  if (write_confs (dir) != 0)
    {
      perror ("configuration files");
      return 2;
    }
  out_fd = 1;
  /* The first library must be GNU GSS 1.0.4 and the second not. */
  {
    struct probe which = { "which", say_version, 0 };

    run_one (argv[1], &which, 0, gnu, sizeof gnu);
    run_one (argv[2], &which, 0, ours, sizeof ours);
    if (strcmp (gnu, "version 1.0.4\n") != 0 || strcmp (ours, gnu) == 0)
      {
	gnu[strcspn (gnu, "\n")] = '\0';
	ours[strcspn (ours, "\n")] = '\0';
	printf ("FAIL: %s is not GNU GSS 1.0.4 (%s) or %s is (%s)\n",
		argv[1], gnu, argv[2], ours);
	return 1;
      }
  }
  register_probes ();
  for (i = 0; i < nprobes; i++)
    for (c = 0; c < 3; c++)
      {
	char full[300];
	const struct intended *used[8];
	int n, k;

	/* Probes that never reach Kerberos run once. */
	if (probes[i].name[0] == '-' && c > 0)
	  continue;
	snprintf (full, sizeof full, "%s/%s", conf_label[c],
		  probes[i].name + (probes[i].name[0] == '-'));
	if (strncmp (full, prefix, strlen (prefix)) != 0
	    && strncmp (full + strlen (conf_label[c]) + 1, prefix, strlen (prefix)) != 0)
	  continue;
	run_one (argv[1], &probes[i], c, gnu, sizeof gnu);
	run_one (argv[2], &probes[i], c, ours, sizeof ours);
	crashes_gnu += strstr (gnu, "crash (") != NULL;
	crashes_ours += strstr (ours, "crash (") != NULL;
	if (strstr (ours, "crash (") != NULL)
	  {
	    unexpected++;
	    printf ("FAIL: %s: libgss crashed\n", full);
	    indent ("libgss", ours);
	    continue;
	  }
	n = compare_records (full, gnu, ours, used, 8);
	if (n == 0)
	  {
	    same++;
	    if (verbose)
	      {
		printf ("same: %s\n", full);
		indent ("both", gnu);
	      }
	    continue;
	  }
	if (n > 0)
	  {
	    expected++;
	    for (k = 0; k < n; k++)
	      {
		uses[used[k] - intended]++;
		if (verbose)
		  printf ("intended: %s (%s)\n", full, used[k]->reason);
	      }
	    if (verbose)
	      {
		indent ("GNU GSS", gnu);
		indent ("libgss", ours);
	      }
	    continue;
	  }
	unexpected++;
	indent ("GNU GSS", gnu);
	indent ("libgss", ours);
      }
  for (it = intended; it->pattern != NULL; it++)
    printf ("table: %4zu  %s%s%s: %s\n", uses[it - intended], it->pattern,
	    it->gnu_line ? " at " : "", it->gnu_line ? it->gnu_line : "", it->reason);
  printf ("%zu probes: %zu the same, %zu intended differences, %zu unexpected;"
	  " GNU GSS crashed in %zu, libgss in %zu\n",
	  same + expected + unexpected, same, expected, unexpected, crashes_gnu, crashes_ours);
  {
    char path[4200];
    snprintf (path, sizeof path, "%s/empty.conf", dir);
    unlink (path);
    snprintf (path, sizeof path, "%s/realm.conf", dir);
    unlink (path);
    snprintf (path, sizeof path, "%s/shishi.conf", dir);
    unlink (path);
    rmdir (dir);
  }
  return unexpected ? 1 : 0;
}
