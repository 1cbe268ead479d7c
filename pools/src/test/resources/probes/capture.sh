#!/usr/bin/env bash
# Regenerates expected/*.out with the real dhcpd-pools 2.29 (Debian package), run from this directory.
# Each line of index.tsv: output file, exit code, arguments (as in the reference datasets).
set -u
cd "$(dirname "$0")"
mkdir -p expected
printf 'file\texit\targs\n' > index.tsv
run() {
    local name="$1" file="$2"; shift 2
    dhcpd-pools -c "$name.conf" -l "$name.leases" "$@" > "expected/$file" 2>&1
    printf '%s\t%s\t%s\n' "$file" "$?" "$*" >> index.tsv
}
for name in edge norange headed; do
    for f in t c j J x X H; do run "$name" "$name-$f.out" -f "$f"; done
    run "$name" "$name-A.out" -A
    run "$name" "$name-A-json.out" -A -f j
    run "$name" "$name-alarm-p.out" --warning 50 --critical 60 -p
    run "$name" "$name-alarm-snet.out" --warning 50 --critical 60 --snet-alarms
    run "$name" "$name-alarm-counts.out" --warning 0 --critical 0 --warn-count 10 --crit-count 3
    run "$name" "$name-sort-mr.out" -s mn -r
    run "$name" "$name-ipv4.out" --ip-version 4
done
