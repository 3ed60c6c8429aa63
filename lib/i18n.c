/* i18n.c - binds the library's message catalogue. */
#include "internal.h"

/* Run once at load time, before any thread of the application can call
   in, so no lock and no mutable global is needed. */
static void __attribute__ ((constructor))
bind_catalogue (void)
{
#if ENABLE_NLS
  bindtextdomain (GETTEXT_DOMAIN, LOCALEDIR);
#endif
}
