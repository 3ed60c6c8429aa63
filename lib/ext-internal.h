/* ext-internal.h - what the extension calls of lib/ share (MIT's
 * gssapi_ext.h family: buffer sets, credential stores, local names,
 * mechanism attributes). */
#ifndef LIBGSS_EXT_INTERNAL_H
#define LIBGSS_EXT_INTERNAL_H

#include "internal.h"

/* Whether OID is storage of this library that gss_release_oid must
   leave alone (mechanism, name-type and mechanism-attribute OIDs). */
bool _gss_oid_is_static (gss_const_OID oid);

#endif /* LIBGSS_EXT_INTERNAL_H */
