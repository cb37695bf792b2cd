#!/usr/bin/env bash
# Starts Talka on http://localhost:5080 with SQLite (data/talka.db) and the demo data, and a mail catcher whose
# web page (http://localhost:5081) shows the e-mails Talka sends.
# Any extra arguments go to the app, e.g. --Talka:Demo=false.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
"$root/scripts/frontend.sh"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Demo}"
mkdir -p "$root/data"
# A local mail catcher (smtp4dev, from the tool manifest): every e-mail Talka sends (invitations, password resets)
# is caught and can be read at http://localhost:5081. Nothing leaves the machine.
mail_port="${TALKA_MAIL_PORT:-2525}"
mail_urls="${TALKA_MAIL_URLS:-http://localhost:5081}"
dotnet tool restore > /dev/null
dotnet smtp4dev --urls="$mail_urls" --smtpport="$mail_port" --imapport=0 --pop3port=0 --tlsmode=None \
  --db="$root/data/smtp4dev.db" --nousersettings > "$root/data/smtp4dev.log" 2>&1 &
mail_pid=$!
trap 'kill "$mail_pid" 2> /dev/null || true' EXIT
echo "E-mails Talka sends can be read at $mail_urls (smtp4dev)."
dotnet run --project src/Talka.Web -c Release --no-launch-profile -- \
  --urls "${TALKA_URLS:-http://localhost:5080}" \
  --Talka:DataDirectory="$root/data" --Talka:PublicUrl="${TALKA_URLS:-http://localhost:5080}" \
  --Talka:Smtp:Host=localhost --Talka:Smtp:Port="$mail_port" --Talka:Smtp:Security=None "$@"
