/* threads.c - eight threads, each establishing its own context pair
   against the throwaway realm and making 1000 wrap/unwrap round trips
   with it, at the same time.  tests/threads.sh runs it under helgrind.
   Contexts are not shared between threads (RFC 2743 leaves that to the
   caller); everything else in the library is.  Odd threads ask for
   SPNEGO around Kerberos, even ones for Kerberos itself. */
#include <config.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gss.h>

#define THREADS 8
#define ROUND_TRIPS 1000

struct job
{
  int id;
  int round_trips;
  const char *failure;
  OM_uint32 major, minor;
};

static int
fail (struct job *j, const char *what, OM_uint32 major, OM_uint32 minor)
{
  j->failure = what;
  j->major = major;
  j->minor = minor;
  return -1;
}

static int
establish (struct job *j, gss_ctx_id_t *init, gss_ctx_id_t *acc)
{
  gss_buffer_desc name = { 14, (void *) "host@localhost" };
  gss_buffer_desc first = GSS_C_EMPTY_BUFFER, reply = GSS_C_EMPTY_BUFFER;
  gss_buffer_desc last = GSS_C_EMPTY_BUFFER;
  OM_uint32 flags = GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG
    | GSS_C_SEQUENCE_FLAG | GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG;
  OM_uint32 major, minor;
  gss_OID mech = j->id % 2 ? GSS_SPNEGO : GSS_KRB5;
  gss_name_t target;
  int rc = -1;

  major = gss_import_name (&minor, &name, GSS_C_NT_HOSTBASED_SERVICE, &target);
  if (major)
    return fail (j, "import_name", major, minor);
  major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, init, target,
				mech, flags, 0, NULL, NULL, NULL, &first,
				NULL, NULL);
  if (major != GSS_S_CONTINUE_NEEDED)
    fail (j, "init_sec_context", major, minor);
  else if ((major = gss_accept_sec_context (&minor, acc, GSS_C_NO_CREDENTIAL,
					     &first, NULL, NULL, NULL, &reply,
					     NULL, NULL, NULL)))
    fail (j, "accept_sec_context", major, minor);
  else if ((major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, init,
					   target, mech, flags, 0, NULL,
					   &reply, NULL, &last, NULL, NULL)))
    fail (j, "init_sec_context (reply)", major, minor);
  else
    rc = 0;
  gss_release_buffer (&minor, &first);
  gss_release_buffer (&minor, &reply);
  gss_release_buffer (&minor, &last);
  gss_release_name (&minor, &target);
  return rc;
}

/* One message from FROM to TO and back, checked on arrival. */
static int
round_trip (struct job *j, gss_ctx_id_t from, gss_ctx_id_t to,
	    unsigned char *text, size_t len)
{
  gss_buffer_desc in = { len, text }, tok, out;
  OM_uint32 major, minor;
  int conf = 0, ok;

  major = gss_wrap (&minor, from, 1, GSS_C_QOP_DEFAULT, &in, &conf, &tok);
  if (major)
    return fail (j, "wrap", major, minor);
  major = gss_unwrap (&minor, to, &tok, &out, &conf, NULL);
  gss_release_buffer (&minor, &tok);
  if (major)
    return fail (j, "unwrap", major, minor);
  ok = conf == 1 && out.length == len && memcmp (out.value, text, len) == 0;
  gss_release_buffer (&minor, &out);
  if (!ok)
    return fail (j, "unwrap gave another message", 0, 0);
  return 0;
}

static void *
run (void *arg)
{
  struct job *j = arg;
  gss_ctx_id_t init = GSS_C_NO_CONTEXT, acc = GSS_C_NO_CONTEXT;
  unsigned char text[200];
  OM_uint32 minor;
  int i;

  if (establish (j, &init, &acc) == 0)
    for (i = 0; i < ROUND_TRIPS; i++)
      {
	size_t len = (size_t) (i * 7 + j->id) % sizeof text;

	memset (text, j->id + i, len);
	if (round_trip (j, init, acc, text, len) != 0
	    || round_trip (j, acc, init, text, len) != 0)
	  break;
	j->round_trips++;
      }
  gss_delete_sec_context (&minor, &init, GSS_C_NO_BUFFER);
  gss_delete_sec_context (&minor, &acc, GSS_C_NO_BUFFER);
  return NULL;
}

int
main (void)
{
  pthread_t threads[THREADS];
  struct job jobs[THREADS];
  int i, failed = 0;

  if (getenv ("REALM_USER") == NULL)
    {
      fprintf (stderr, "threads: run through tests/kdc/realm.sh run\n");
      return 77;
    }
  memset (jobs, 0, sizeof jobs);
  for (i = 0; i < THREADS; i++)
    {
      jobs[i].id = i;
      if (pthread_create (&threads[i], NULL, run, &jobs[i]) != 0)
	{
	  fprintf (stderr, "threads: pthread_create failed\n");
	  return 1;
	}
    }
  for (i = 0; i < THREADS; i++)
    pthread_join (threads[i], NULL);
  for (i = 0; i < THREADS; i++)
    {
      if (jobs[i].failure)
	{
	  failed = 1;
	  fprintf (stderr, "FAIL: thread %d: %s: major %#x minor %#x after %d round trips\n",
		   i, jobs[i].failure, (unsigned) jobs[i].major,
		   (unsigned) jobs[i].minor, jobs[i].round_trips);
	}
      else
	printf ("PASS: thread %d: %d round trips\n", i, jobs[i].round_trips);
    }
  return failed;
}
