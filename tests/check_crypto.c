/* check_crypto.c - the per-message cryptography against the RFC 3961,
   RFC 3962 and RFC 8009 test vectors, and against libkrb5's own
   encryption and checksums for every AES enctype. */
#include "unit.h"
#include "../mech/krb5/crypto.h"
#include <ctype.h>

/* Parses hex digits, skipping blanks, into OUT; returns the length. */
static size_t
unhex (const char *s, unsigned char *out)
{
  size_t n = 0;
  int hi = -1;

  for (; *s; s++)
    {
      int v;
      if (isspace ((unsigned char) *s))
	continue;
      v = isdigit ((unsigned char) *s) ? *s - '0' : tolower ((unsigned char) *s) - 'a' + 10;
      if (hi < 0)
	hi = v;
      else
	{
	  out[n++] = (unsigned char) (hi << 4 | v);
	  hi = -1;
	}
    }
  return n;
}

/* RFC 3961 appendix A.1. */
static const struct
{
  const char *in;
  size_t bits;
  const char *out;
} nfold[] = {
  {"012345", 64, "be072631276b1955"},
  {"password", 56, "78a07b6caf85fa"},
  {"Rough Consensus, and Running Code", 64, "bb6ed30870b7f0e0"},
  {"password", 168, "59e4a8ca7c0385c3c37b3f6d2000247cb6e6bd5b3e"},
  {"MASSACHVSETTS INSTITVTE OF TECHNOLOGY", 192,
   "db3b0d8f0b061e603282b308a50841229ad798fab9540c1b"},
  {"Q", 168, "518a54a215a8452a518a54a215a8452a518a54a215"},
  {"ba", 168, "fb25d531ae8974499f52fd92ea9857c4ba24cf297e"},
  {"kerberos", 64, "6b65726265726f73"},
  {"kerberos", 128, "6b65726265726f737b9b5b2b93132b93"},
  {"kerberos", 168, "8372c236344e5f1550cd0747e15d62ca7a5a3bcea4"},
  {"kerberos", 256, "6b65726265726f737b9b5b2b93132b935c9bdcdad95c9899c4cae4dee6d6cae4"},
};

START_TEST (test_nfold)
{
  unsigned char want[64], got[64];
  size_t n = unhex (nfold[_i].out, want);

  ck_assert_uint_eq (n, nfold[_i].bits / 8);
  k5_nfold ((const unsigned char *) nfold[_i].in, strlen (nfold[_i].in), got, n);
  ck_assert_msg (memcmp (got, want, n) == 0, "%zu-fold(%s)", nfold[_i].bits, nfold[_i].in);
}
END_TEST

/* RFC 3962 appendix B: AES-128 CBC with ciphertext stealing, zero IV. */
static const struct
{
  size_t len;
  const char *out;
} cts[] = {
  {17, "c6353568f2bf8cb4d8a580362da7ff7f97"},
  {31, "fc00783e0efdb2c1d445d4c8eff7ed2297687268d6ecccc0c07b25e25ecfe5"},
  {32, "39312523a78662d5be7fcbcc98ebf5a897687268d6ecccc0c07b25e25ecfe584"},
  {47, "97687268d6ecccc0c07b25e25ecfe584b3fffd940c16a18c1b5549d2f838029e"
       "39312523a78662d5be7fcbcc98ebf5"},
  {48, "97687268d6ecccc0c07b25e25ecfe5849dad8bbb96c4cdc03bc103e1a194bbd8"
       "39312523a78662d5be7fcbcc98ebf5a8"},
  {64, "97687268d6ecccc0c07b25e25ecfe58439312523a78662d5be7fcbcc98ebf5a8"
       "4807efe836ee89a526730dbc2f7bc8409dad8bbb96c4cdc03bc103e1a194bbd8"},
};

START_TEST (test_cts_vectors)
{
  static const char message[] =
    "I would like the General Gau's Chicken, please, and wonton soup.";
  unsigned char key[16], buf[96], want[64];
  EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new ();
  static const unsigned char iv[16];
  size_t n = unhex (cts[_i].out, want);

  unhex ("636869636b656e207465726979616b69", key);
  ck_assert_uint_eq (n, cts[_i].len);
  ck_assert (EVP_CipherInit_ex (ctx, EVP_aes_128_cbc (), NULL, key, iv, 1) == 1);
  EVP_CIPHER_CTX_set_padding (ctx, 0);
  memcpy (buf, message, cts[_i].len);
  ck_assert (k5_cts_encrypt (ctx, buf, cts[_i].len));
  ck_assert_msg (memcmp (buf, want, n) == 0, "CTS of %zu octets", n);
  EVP_CIPHER_CTX_free (ctx);
}
END_TEST

/* RFC 8009 appendix A: key derivation for usage 2. */
static const struct
{
  krb5_enctype enctype;
  const char *base, *kc, *ke, *ki;
} kdf[] = {
  {ENCTYPE_AES128_CTS_HMAC_SHA256_128, "3705D96080C17728A0E800EAB6E0D23C",
   "B31A018A48F54776F403E9A396325DC3", "9B197DD1E8C5609D6E67C3E37C62C72E",
   "9FDA0E56AB2D85E1569A688696C26A6C"},
  {ENCTYPE_AES256_CTS_HMAC_SHA384_192,
   "6D404D37FAF79F9DF0D33568D320669800EB4836472EA8A026D16B7182460C52",
   "EF5718BE86CC84963D8BBB5031E9F5C4BA41F28FAF69E73D",
   "56AB22BEE63D82D7BC5227F6773F8EA7A5EB1C825160C38312980C442E5C7E49",
   "69B16514E3CD8E56B82010D5C73012B622C4D00FFC23ED1F"},
};

START_TEST (test_rfc8009_kdf)
{
  unsigned char base[32], want[32], got[32];
  size_t baselen = unhex (kdf[_i].base, base), n;
  unsigned char label[5] = { 0, 0, 0, 2, 0x99 };

  n = unhex (kdf[_i].kc, want);
  ck_assert (k5_derive_key (kdf[_i].enctype, base, baselen, label, 5, got, n));
  ck_assert (memcmp (got, want, n) == 0);
  label[4] = 0xAA;
  n = unhex (kdf[_i].ke, want);
  ck_assert (k5_derive_key (kdf[_i].enctype, base, baselen, label, 5, got, n));
  ck_assert (memcmp (got, want, n) == 0);
  label[4] = 0x55;
  n = unhex (kdf[_i].ki, want);
  ck_assert (k5_derive_key (kdf[_i].enctype, base, baselen, label, 5, got, n));
  ck_assert (memcmp (got, want, n) == 0);
}
END_TEST

/* RFC 8009 appendix A: encryption (usage 2, fixed confounders) and
   checksums. */
static const struct
{
  int kdf_index;
  const char *plain, *confounder, *cipher;
} enc8009[] = {
  {0, "", "7E5895EAF2672435BAD817F545A37148",
   "EF85FB890BB8472F4DAB20394DCA781DAD877EDA39D50C870C0D5A0A8E48C718"},
  {0, "000102030405", "7BCA285E2FD4130FB55B1A5C83BC5B24",
   "84D7F30754ED987BAB0BF3506BEB09CFB55402CEF7E6877CE99E247E52D16ED4421DFDF8976C"},
  {0, "000102030405060708090A0B0C0D0E0F", "56AB21713FF62C0A1457200F6FA9948F",
   "3517D640F50DDC8AD3628722B3569D2AE07493FA8263254080EA65C1008E8FC295FB4852E7D83E1E7C48C37EEBE6B0D3"},
  {0, "000102030405060708090A0B0C0D0E0F1011121314", "A7A4E29A4728CE10664FB64E49AD3FAC",
   "720F73B18D9859CD6CCB4346115CD336C70F58EDC0C4437C5573544C31C813BCE1E6D072C186B39A413C2F92CA9B8334A287FFCBFC"},
  {1, "", "F764E9FA15C276478B2C7D0C4E5F58E4",
   "41F53FA5BFE7026D91FAF9BE959195A058707273A96A40F0A01960621AC612748B9BBFBE7EB4CE3C"},
  {1, "000102030405", "B80D3251C1F6471494256FFE712D0B9A",
   "4ED7B37C2BCAC8F74F23C1CF07E62BC7B75FB3F637B9F559C7F664F69EAB7B6092237526EA0D1F61CB20D69D10F2"},
  {1, "000102030405060708090A0B0C0D0E0F", "53BF8A0D105265D4E276428624CE5E63",
   "BC47FFEC7998EB91E8115CF8D19DAC4BBBE2E163E87DD37F49BECA92027764F68CF51F14D798C2273F35DF574D1F932E40C4FF255B36A266"},
  {1, "000102030405060708090A0B0C0D0E0F1011121314", "763E65367E864F02F55153C7E3B58AF1",
   "40013E2DF58E8751957D2878BCD2D6FE101CCFD556CB1EAE79DB3C3EE86429F2B2A602AC86FEF6ECB647D6295FAE077A1FEB517508D2C16B4192E01F62"},
};

static krb5_context kctx;

static void
keyblock (krb5_keyblock *kb, krb5_enctype enctype, unsigned char *bytes, size_t len)
{
  memset (kb, 0, sizeof *kb);
  kb->enctype = enctype;
  kb->length = (unsigned int) len;
  kb->contents = bytes;
}

START_TEST (test_rfc8009_encrypt)
{
  unsigned char base[32], buf[128], want[128], room[K5_SCRATCH + 128];
  size_t baselen = unhex (kdf[enc8009[_i].kdf_index].base, base);
  size_t plain = unhex (enc8009[_i].plain, buf + 16), n;
  struct k5_usage_key k;
  krb5_keyblock kb;

  unhex (enc8009[_i].confounder, buf);
  n = unhex (enc8009[_i].cipher, want);
  keyblock (&kb, kdf[enc8009[_i].kdf_index].enctype, base, baselen);
  ck_assert_int_eq (k5_usage_key_init (kctx, &kb, 2, &k), 0);
  ck_assert (k.fast);
  ck_assert_int_eq (k5_seal (&k, buf, 16 + plain), 0);
  ck_assert_uint_eq (16 + plain + k.trailer_len, n);
  ck_assert (memcmp (buf, want, n) == 0);
  ck_assert_int_eq (k5_decrypt (&k, buf, 16 + plain), 0);
  unhex (enc8009[_i].confounder, want);
  ck_assert (memcmp (buf, want, 16) == 0);
  /* The same with the MAC's zero block written in the scratch room
     before the data (the room's old contents must not matter). */
  memset (room, 0xa5, sizeof room);
  unhex (enc8009[_i].confounder, room + K5_SCRATCH);
  unhex (enc8009[_i].plain, room + K5_SCRATCH + 16);
  n = unhex (enc8009[_i].cipher, want);
  ck_assert_int_eq (k5_seal_scratch (&k, room + K5_SCRATCH, 16 + plain), 0);
  ck_assert (memcmp (room + K5_SCRATCH, want, n) == 0);
  memset (room, 0x5a, K5_SCRATCH);
  ck_assert_int_eq (k5_decrypt_scratch (&k, room + K5_SCRATCH, 16 + plain), 0);
  unhex (enc8009[_i].confounder, want);
  ck_assert (memcmp (room + K5_SCRATCH, want, 16) == 0);
  room[K5_SCRATCH + 16 + plain] ^= 1;
  ck_assert_int_eq (k5_decrypt_scratch (&k, room + K5_SCRATCH, 16 + plain),
		    KRB5KRB_AP_ERR_BAD_INTEGRITY);
  k5_usage_key_free (&k);
}
END_TEST

START_TEST (test_rfc8009_checksum)
{
  static const char *const sums[] = {
    "D78367186643D67B411CBA9139FC1DEE",
    "45EE791567EEFCA37F4AC1E0222DE80D43C3BFA06699672A"
  };
  unsigned char base[32], data[32], want[32], got[32];
  size_t baselen = unhex (kdf[_i].base, base);
  size_t len = unhex ("000102030405060708090A0B0C0D0E0F1011121314", data);
  size_t n = unhex (sums[_i], want);
  struct k5_usage_key k;
  krb5_keyblock kb;

  keyblock (&kb, kdf[_i].enctype, base, baselen);
  ck_assert_int_eq (k5_usage_key_init (kctx, &kb, 2, &k), 0);
  ck_assert_uint_eq (k.mac_len, n);
  ck_assert_int_eq (k5_checksum (&k, data, 10, data + 10, len - 10, got), 0);
  ck_assert (memcmp (got, want, n) == 0);
  k5_usage_key_free (&k);
}
END_TEST

/* Against libkrb5: what one encrypts the other decrypts, and both make
   the same checksums, for each enctype and several lengths. */
static const krb5_enctype all_enctypes[] = {
  ENCTYPE_AES128_CTS_HMAC_SHA1_96, ENCTYPE_AES256_CTS_HMAC_SHA1_96,
  ENCTYPE_AES128_CTS_HMAC_SHA256_128, ENCTYPE_AES256_CTS_HMAC_SHA384_192,
  ENCTYPE_CAMELLIA128_CTS_CMAC, ENCTYPE_CAMELLIA256_CTS_CMAC,
};

START_TEST (test_against_libkrb5)
{
  static const size_t lengths[] = { 0, 1, 15, 16, 17, 31, 32, 33, 1000, 4097 };
  krb5_keyblock storage, *kb = &storage;
  struct k5_usage_key k;
  size_t i;

  ck_assert_int_eq (krb5_c_make_random_key (kctx, all_enctypes[_i], kb), 0);
  ck_assert_int_eq (k5_usage_key_init (kctx, kb, 24, &k), 0);
  ck_assert_int_eq (k.fast, _i < 4);
  for (i = 0; i < sizeof lengths / sizeof lengths[0]; i++)
    {
      size_t len = lengths[i], total = k.header_len + len + k.trailer_len;
      unsigned char *room = malloc (K5_SCRATCH + total + 16),
	*buf = room + K5_SCRATCH, *msg = malloc (len + 1);
      /* Every other length through the variants with scratch room. */
      bool scratch = i % 2 == 1;
      krb5_enc_data enc;
      krb5_data plain, out;
      krb5_checksum sum;
      unsigned char mine[K5_MAX_MAC];
      size_t j;

      for (j = 0; j < len; j++)
	msg[j] = (unsigned char) (j * 31 + _i);
      memcpy (buf + k.header_len, msg, len);
      ck_assert_int_eq ((scratch ? k5_encrypt_scratch : k5_encrypt)
			(&k, buf, k.header_len + len), 0);

      /* Ours decrypts under libkrb5. */
      memset (&enc, 0, sizeof enc);
      enc.enctype = kb->enctype;
      enc.ciphertext.data = (char *) buf;
      enc.ciphertext.length = (unsigned int) total;
      out.data = malloc (total);
      out.length = (unsigned int) total;
      ck_assert_int_eq (krb5_c_decrypt (kctx, kb, 24, NULL, &enc, &out), 0);
      ck_assert_uint_eq (out.length, len);
      ck_assert (len == 0 || memcmp (out.data, msg, len) == 0);
      free (out.data);

      /* A changed octet anywhere is caught. */
      buf[total / 2] ^= 0x40;
      ck_assert_int_eq ((scratch ? k5_decrypt_scratch : k5_decrypt)
			(&k, buf, k.header_len + len),
			KRB5KRB_AP_ERR_BAD_INTEGRITY);

      /* libkrb5's decrypts under ours. */
      plain.data = (char *) msg;
      plain.length = (unsigned int) len;
      enc.ciphertext.data = (char *) buf;
      ck_assert_int_eq (krb5_c_encrypt (kctx, kb, 24, NULL, &plain, &enc), 0);
      ck_assert_int_eq ((scratch ? k5_decrypt_scratch : k5_decrypt)
			(&k, buf, k.header_len + len), 0);
      ck_assert (len == 0 || memcmp (buf + k.header_len, msg, len) == 0);

      /* Checksums agree. */
      ck_assert_int_eq (krb5_c_make_checksum (kctx, 0, kb, 24, &plain, &sum), 0);
      ck_assert_int_eq (k5_checksum (&k, msg, len / 2, msg + len / 2, len - len / 2, mine), 0);
      ck_assert_uint_eq (sum.length, k.mac_len);
      ck_assert (memcmp (sum.contents, mine, k.mac_len) == 0);
      krb5_free_checksum_contents (kctx, &sum);
      free (room);
      free (msg);
    }
  k5_usage_key_free (&k);
  krb5_free_keyblock_contents (kctx, kb);
}
END_TEST

/* Enctypes with their own token formats (RFC 1964, RFC 4757) are not
   given RFC 4121 keys. */
START_TEST (test_legacy_refused)
{
  static const krb5_enctype legacy[] = { ENCTYPE_DES3_CBC_SHA1, ENCTYPE_ARCFOUR_HMAC };
  unsigned char bytes[24] = { 1, 2, 3 };
  struct k5_usage_key k;
  krb5_keyblock kb;

  keyblock (&kb, legacy[_i], bytes, _i == 0 ? 24 : 16);
  ck_assert_int_eq (k5_usage_key_init (kctx, &kb, 24, &k), KRB5_BAD_ENCTYPE);
}
END_TEST

Suite *
unit_suite (void)
{
  Suite *s = suite_create ("crypto");
  TCase *tc = tcase_create ("vectors");

  if (krb5_init_context (&kctx) != 0)
    exit (EXIT_FAILURE);
  tcase_add_loop_test (tc, test_nfold, 0, sizeof nfold / sizeof nfold[0]);
  tcase_add_loop_test (tc, test_cts_vectors, 0, sizeof cts / sizeof cts[0]);
  tcase_add_loop_test (tc, test_rfc8009_kdf, 0, 2);
  tcase_add_loop_test (tc, test_rfc8009_encrypt, 0, sizeof enc8009 / sizeof enc8009[0]);
  tcase_add_loop_test (tc, test_rfc8009_checksum, 0, 2);
  tcase_add_loop_test (tc, test_against_libkrb5, 0, sizeof all_enctypes / sizeof all_enctypes[0]);
  tcase_add_loop_test (tc, test_legacy_refused, 0, 2);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN
