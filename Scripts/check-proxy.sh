#!/usr/bin/env bash
# Runs systemd/nginx-reformledger.conf as shipped (ports, certificate and upstream
# rewritten to a throwaway setup) in front of a real daemon, and checks through TLS: the
# sign-in page and its cookie marked Secure, a sign-in, an upload by the API, the daemon's
# own 413 for a file over max_file_bytes, /metrics from the host. Usage: check-proxy.sh BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
binary="$1"
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || Scripts/setup.sh nginx-light || Scripts/setup.sh nginx  # nginx-light is gone after Debian 12
command -v openssl >/dev/null 2>&1 || Scripts/setup.sh openssl
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d)
daemon=""
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  [ -n "$daemon" ] && kill -TERM "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
HTTPS=$(free_port) HTTP=$(free_port) UPSTREAM=$(free_port)

unset $(env | sed -n 's/^\(REFORMLEDGER_[A-Z_]*\)=.*/\1/p')
"$binary" init --state-dir "$work/state" --with-plan soc-trang-2024 >/dev/null
printf '{"max_file_bytes": 100000}\n' > "$work/state/reformledger.json"
printf 'mat-khau-qua-proxy\n' | "$binary" user add --state-dir "$work/state" --login lan.bst --agency BST --role clerk --password-stdin >/dev/null
"$binary" serve --state-dir "$work/state" --http "127.0.0.1:$UPSTREAM" 2>"$work/daemon.log" &
daemon=$!

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
  -keyout "$work/privkey.pem" -out "$work/fullchain.pem" >/dev/null 2>&1
sed -e "s|listen 80;|listen 127.0.0.1:$HTTP;|; s|listen \[::\]:80;||" \
    -e "s|listen 443 ssl http2;|listen 127.0.0.1:$HTTPS ssl http2;|; s|listen \[::\]:443 ssl http2;||" \
    -e "s|/etc/ssl/reformledger/|$work/|g; s|127.0.0.1:8470|127.0.0.1:$UPSTREAM|g" \
    systemd/nginx-reformledger.conf > "$work/site.conf"
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log;
events {}
http {
    access_log $work/access.log;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi;
    scgi_temp_path $work/scgi;
    include $work/site.conf;
}
CONF
"$NGINX" -t -p "$work" -c "$work/nginx.conf" 2>&1 | grep -q "test is successful" || { "$NGINX" -t -p "$work" -c "$work/nginx.conf"; exit 1; }
echo "proxy check: nginx -t accepts systemd/nginx-reformledger.conf"
"$NGINX" -p "$work" -c "$work/nginx.conf"

base="https://127.0.0.1:$HTTPS"
for _ in $(seq 1 100); do curl -sk -o /dev/null "$base/healthz" && break; sleep 0.2; done
fail() { echo "proxy check: $*"; echo "--- daemon log"; tail -20 "$work/daemon.log"; echo "--- nginx"; tail -5 "$work/error.log"; exit 1; }

[ "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$HTTP/login")" = "301 https://127.0.0.1/login" ] \
  || fail "plain HTTP is not sent to HTTPS"
headers=$(curl -sk -D - -o "$work/login.html" -c "$work/jar" "$base/login")
grep -qi '^set-cookie: rl_login=.*HttpOnly; SameSite=Strict.*; Secure' <<<"$headers" || fail "the sign-in cookie is not Secure behind TLS: $headers"
grep -qi '^strict-transport-security:' <<<"$headers" || fail "no HSTS header"
grep -qi "^content-security-policy: default-src 'none'" <<<"$headers" || fail "the portal's policy does not pass through"
token=$(grep -o 'name="csrf" value="[0-9a-f]*"' "$work/login.html" | grep -o '[0-9a-f]\{64\}')
signin=$(curl -sk -D - -o /dev/null -b "$work/jar" -c "$work/jar" --data "csrf=$token&login=lan.bst&password=mat-khau-qua-proxy" "$base/login")
grep -qi '^set-cookie: rl_session=.*; Secure' <<<"$signin" || fail "signing in through the proxy gave no Secure session: $signin"
[ "$(curl -sk -o /dev/null -w '%{http_code}' -b "$work/jar" "$base/agency/BST")" = 200 ] || fail "the clerk's page is not served"

printf '%s\n' '{"id":"BST-PROXY-1","type":"article.published","occurred_at":"2024-05-02","data":{"title":"Qua nginx","channel":"radio"}}' > "$work/qua-proxy.ndjson"
[ "$(curl -sk -o "$work/verdict.json" -w '%{http_code}' -u lan.bst:mat-khau-qua-proxy -F "file=@$work/qua-proxy.ndjson" "$base/api/v1/inbox/BST")" = 200 ] \
  || fail "an upload through the proxy was not accepted: $(cat "$work/verdict.json")"
head -c 200000 /dev/zero | tr '\0' 'x' > "$work/lon.ndjson"
code=$(curl -sk -o "$work/big.json" -w '%{http_code}' -u lan.bst:mat-khau-qua-proxy -F "file=@$work/lon.ndjson" "$base/api/v1/inbox/BST")
[ "$code" = 413 ] && grep -q payload_too_large "$work/big.json" || fail "a file over max_file_bytes did not get the daemon's own 413 ($code)"
curl -sk "$base/metrics" | grep -q '^reformledger_files_total{agency="BST",outcome="accepted"} 1' || fail "/metrics from the host does not answer"
echo "proxy check: through nginx and TLS the portal signs in with Secure cookies, takes an upload, refuses one too large with its own 413, and answers /metrics"
