# Sourced by the integration scripts that run `sigsift run`: the EAL
# arguments every test uses (no NIC, no hugepages), the lcore sets for one
# and two workers, and the PASS/FAIL bookkeeping. POSIX sh.

# 2-core hosts: three lcores share the two cores for the 2-worker runs.
ONE="-l 0-1"
TWO="--lcores (0-2)@(0-1)"
EAL="--no-pci --no-huge --in-memory --log-level=lib.eal:error"

pass=0
fail=0
ok() { pass=$((pass + 1)); echo "PASS $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && sed 's/^/    /' "$2" | tail -20; }
# counter NAME FILE: value of a "name value" line of run's final statistics.
counter() { awk -v k="$1" '$1 == k {v = $2} END {print v + 0}' "$2"; }
