/* Rule bundles: what `sigsiftctl rules compile` writes and a running
 * dataplane loads. A bundle carries the rule files' text (so the loader
 * re-derives the same rule indices, see ss_ruleset_assemble) beside the
 * serialised databases compiled from them, so the dataplane never
 * compiles and never trusts bytes it has not verified.
 *
 * On-disk format (all integers little-endian):
 *   0   8  magic "SSBUNDLE"
 *   8   4  format version (SS_BUNDLE_FORMAT)
 *   12  4  number of content sections that follow
 *   then each section: 4-byte tag, 4-byte body length, body
 *     "MANI" manifest, text lines key=value: format, version (ruleset
 *            version, hex = ss_rules_digest), rules, built (unix s),
 *            matcher (the backend that judges the rules it accepts:
 *            hyperscan, or fpga-sim; absent in bundles written before
 *            it, which are all hyperscan), hyperscan (hs_version),
 *            platform (the first Hyperscan database's
 *            hs_serialized_database_info), presentation, operator,
 *            region, provenance (the rule files' names)
 *     "RULE" one per rule file, in load order: 2-byte name length,
 *            name (basename; its extension picks the line format), text
 *     "PART" one per rule set part, in order: matcher name, NUL, the
 *            matcher's serialised database (fpga-sim: its table image,
 *            the block's load writes and the Hyperscan share of the
 *            literals the tables refused; fpga_matcher.c). Every part
 *            is the manifest's matcher or hyperscan (regexes and
 *            combinations always run on Hyperscan).
 *   then the trailer:
 *     "HASH" 32 bytes: crypto_generichash (BLAKE2b-256) of every byte
 *            before this tag
 *     "SIGN" optional, 96 bytes: the signer's ed25519 public key (32)
 *            and crypto_sign_detached over the 32 hash bytes (64)
 *
 * Loading refuses, with a message saying why: a short or oversize
 * section, a hash mismatch (truncated or altered bytes), a database built
 * for another Hyperscan version or platform (the matcher's deserialize
 * check), a signature that does not verify, and, when a trust store is
 * given, a bundle unsigned or signed by a key not in it.
 *
 * Which backend judges. The bundle decides what its parts are, and a
 * loader given a matcher name (a dataplane's --matcher) refuses a bundle
 * compiled for another one, saying both, rather than judge on a backend
 * the operator did not choose for that dataplane: a run started with
 * --matcher hyperscan has no card for fpga-sim tables, and one started
 * with fpga-sim would silently lose the block. Offline tools (verify,
 * diff) pass no name and load whatever the bundle says. */
#ifndef SS_BUNDLE_H
#define SS_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/result.h"
#include "dataplane/match/matcher.h"

#define SS_BUNDLE_FORMAT    1u
#define SS_BUNDLE_HASH_LEN  32
#define SS_BUNDLE_PK_LEN    32
#define SS_BUNDLE_SK_LEN    64
#define SS_BUNDLE_SIG_LEN   64
#define SS_BUNDLE_FIELD     256
#define SS_BUNDLE_FILES_MAX 1024
#define SS_BUNDLE_ERR_MAX   512 /* a good size for err */

struct ss_bundle_manifest {
    uint32_t format;
    uint64_t version;
    uint64_t rules;
    int64_t built;
    char matcher[SS_BUNDLE_FIELD];
    char hyperscan[SS_BUNDLE_FIELD];
    char platform[SS_BUNDLE_FIELD];
    char presentation[SS_BUNDLE_FIELD];
    char operator_name[SS_BUNDLE_FIELD];
    char region[SS_BUNDLE_FIELD];
    char provenance[SS_BUNDLE_FIELD];
    uint8_t hash[SS_BUNDLE_HASH_LEN];
    bool is_signed;
    uint8_t signer[SS_BUNDLE_PK_LEN];
};

/* Loads and compiles rule files, word lists and folders of them (as
 * ss_rules_load walks them; the bundle carries every file found, in load
 * order) with primary for the rules it accepts (Hyperscan for the rest,
 * ss_ruleset_build) and writes the unsigned bundle to out_path.
 * operator_name and region may be NULL. */
enum ss_result ss_bundle_write(const char *out_path, const char *const *paths, size_t n_paths,
                               const struct ss_matcher_ops *primary, const char *operator_name,
                               const char *region, char *err, size_t errcap);

/* Replaces any signature of the bundle at path with sk's. */
enum ss_result ss_bundle_sign(const char *path, const uint8_t sk[SS_BUNDLE_SK_LEN], char *err,
                              size_t errcap);

/* Checks bytes (format, hash, signature; trusted[0..n_trusted) when
 * n_trusted > 0 requires a signature by one of them) and fills m.
 * Does not deserialise. */
enum ss_result ss_bundle_verify(const uint8_t *bytes, size_t len,
                                const uint8_t (*trusted)[SS_BUNDLE_PK_LEN], size_t n_trusted,
                                struct ss_bundle_manifest *m, char *err, size_t errcap);

/* ss_bundle_verify, then, if matcher is NULL or the manifest's, re-derives
 * the rules and deserialises every part into a ready rule set (*out,
 * version m->version). */
enum ss_result ss_bundle_load_bytes(const uint8_t *bytes, size_t len,
                                    const uint8_t (*trusted)[SS_BUNDLE_PK_LEN], size_t n_trusted,
                                    const char *matcher, struct ss_ruleset **out,
                                    struct ss_bundle_manifest *m, char *err, size_t errcap);

/* The same from a file; trust_dir (NULL: no signature required) holds
 * one *.pub file per trusted key, 64 hex digits. */
enum ss_result ss_bundle_load(const char *path, const char *trust_dir, const char *matcher,
                              struct ss_ruleset **out, struct ss_bundle_manifest *m, char *err,
                              size_t errcap);

/* What a dataplane's --rules takes: one bundle (loaded as ss_bundle_load
 * with primary's name and trust_dir), or else rule files, word lists and
 * folders compiled here with primary (ss_ruleset_from_files). A bundle
 * among other paths is refused. NULL with the reason in err. */
struct ss_ruleset *ss_bundle_open_rules(const char *const *paths, size_t n_paths,
                                        const struct ss_matcher_ops *primary, const char *trust_dir,
                                        char *err, size_t errcap);

/* Whether the file at path begins with the bundle magic (what a push
 * tells from a rule file or folder). */
bool ss_bundle_is_bundle(const char *path);

/* ss_bundle_verify on the file at path, with trust_dir's keys (NULL:
 * none required): what `sigsiftctl rules push` checks before it sends. */
enum ss_result ss_bundle_verify_file(const char *path, const char *trust_dir,
                                     struct ss_bundle_manifest *m, char *err, size_t errcap);

/* A whole file into malloc'd *bytes (the caller frees). */
enum ss_result ss_bundle_read_file(const char *path, uint8_t **bytes, size_t *len, char *err,
                                   size_t errcap);

#endif
