#!/bin/sh
# A sendmail stand-in for trying reminders without a mail agent: keeps each message the
# daemon hands it (`-t -i`, the message on standard input) as a file in $OUTBOX (default
# ./outbox). Point `mail.sendmail` at it; on a server point it at Postfix's, Exim's or
# msmtp's sendmail instead.
outbox="${OUTBOX:-./outbox}"
mkdir -p "$outbox"
cat > "$outbox/$(date +%Y%m%d-%H%M%S)-$$.eml"
