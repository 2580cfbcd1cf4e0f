/* sigsiftctl pseudonym (pseudonym_cmd.h): thin wrappers over
 * dataplane/output/pseudonym.h, so that the tool and the dataplane name a
 * subscriber alike by construction. */
#include "control/pseudonym_cmd.h"

#include <string.h>

#include "control/ctl_client.h"
#include "control/ctl_print.h"
#include "dataplane/output/json.h"
#include "dataplane/output/pseudonym.h"

#define IDS_MAX 1024

void ss_pseudonym_cmd_usage(FILE *f)
{
    fprintf(f, "  pseudonym new-key FILE   a new secret key for sigsift scan/run\n"
               "                        --pseudonymise (mode 0600; refused if FILE exists)\n"
               "  pseudonym ID... --key FILE [--port-prefix DIGITS]...\n"
               "                        the pseudonym events give each number or IMSI under\n"
               "                        that key, and whether they keep it in clear instead\n"
               "                        (a port prefix, default " SS_PORT_PREFIX_DEFAULT
               ", or a non-digit; IMSIs never)\n");
}

bool ss_pseudonym_cmd_handles(int argc, char **argv)
{
    return argc >= 1 && strcmp(argv[0], "pseudonym") == 0;
}

static int cmd_new_key(int argc, char **argv, bool json)
{
    char err[SS_PSEUDONYM_ERR_MAX];
    if (argc != 3)
        return ss_ctl_usage_error("pseudonym new-key FILE");
    if (ss_pseudonym_new_key(argv[2], err, sizeof err) != 0)
        return ss_ctl_refused(json, err);
    printf(json ? "{\"ok\":true}\n" : "wrote %s (secret)\n", argv[2]);
    return SS_CTL_EXIT_OK;
}

/* One line per id: its pseudonym (what an IMSI is written as) and what
 * a sender or recipient is written as (itself when kept in clear). */
static void print_id(const struct ss_pseudonym *p, const char *id, bool json)
{
    char name[SS_PSEUDONYM_LEN + 1], line[2 * IDS_MAX];
    ss_pseudonym_of(p, id, strlen(id), name);
    bool kept = ss_pseudonym_keeps(p, id);
    if (!json) {
        printf("%s %s%s\n", id, name, kept ? " (as sender or recipient: kept in clear)" : "");
        return;
    }
    struct ss_json j;
    ss_json_begin(&j, line, sizeof line);
    ss_json_cstr(&j, "id", id);
    ss_json_cstr(&j, "pseudonym", name);
    ss_json_cstr(&j, "as_party", kept ? id : name);
    fwrite(line, 1, ss_json_end(&j), stdout);
}

int ss_pseudonym_cmd_run(int argc, char **argv, bool json)
{
    static const char form[] = "pseudonym ID... --key FILE [--port-prefix DIGITS]...";
    const char *key = NULL, *ids[IDS_MAX];
    unsigned n_ids = 0;
    struct ss_numbers ports = {.n = 0};
    char err[SS_PSEUDONYM_ERR_MAX];
    if (argc >= 2 && strcmp(argv[1], "new-key") == 0)
        return cmd_new_key(argc, argv, json);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--key") == 0 && i + 1 < argc)
            key = argv[++i];
        else if (strcmp(argv[i], "--port-prefix") == 0 && i + 1 < argc) {
            if (ss_port_prefixes_add(&ports, argv[++i], err, sizeof err) != 0)
                return ss_ctl_refused(json, err);
        } else if (argv[i][0] != '-' && n_ids < IDS_MAX && strlen(argv[i]) < IDS_MAX / 2)
            ids[n_ids++] = argv[i];
        else
            return ss_ctl_usage_error(form);
    }
    if (key == NULL || n_ids == 0)
        return ss_ctl_usage_error(form);
    struct ss_pseudonym p;
    ss_port_prefixes_default(&ports);
    if (ss_pseudonym_setup(&p, key, &ports, err, sizeof err) != 0)
        return ss_ctl_refused(json, err);
    for (unsigned i = 0; i < n_ids; i++)
        print_id(&p, ids[i], json);
    return SS_CTL_EXIT_OK;
}
