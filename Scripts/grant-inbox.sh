#!/usr/bin/env bash
# Gives one agency's clerks write access to its inbox, by group (run as root):
#   Scripts/grant-inbox.sh AGENCY [USER…]
# Creates group rl-<agency> (lower case), adds the daemon and the given users to it, and
# makes inbox/<AGENCY> (write) and rejected/<AGENCY> (read, for errors.json) belong to it.
# The folders are setgid, so every file dropped or rejected there keeps the agency's group.
set -euo pipefail
agency="$1"; shift
state="${REFORMLEDGER_STATE_DIR:-/var/lib/reformledger}"
group="rl-$(echo "$agency" | tr 'A-Z' 'a-z')"

getent group "$group" >/dev/null || groupadd --system "$group"
usermod -a -G "$group" reformledger
for user in "$@"; do usermod -a -G "$group" "$user"; done

install -d -o reformledger -g reformledger -m 0751 "$state/inbox" "$state/rejected"
install -d -o reformledger -g "$group" -m 2770 "$state/inbox/$agency"
install -d -o reformledger -g "$group" -m 2750 "$state/rejected/$agency"
echo "$agency: clerks in group $group write to $state/inbox/$agency and read $state/rejected/$agency"
echo "Restart the daemon once so it picks up its new group: systemctl restart reformledger"
