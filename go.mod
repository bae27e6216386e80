module asah

go 1.26.0

// Direct dependencies, each for one job (see README "Dependencies"):
require (
	github.com/alexedwards/scs/v2 v2.9.0 // web sessions, kept in the database so that replicas share them
	github.com/arran4/golang-ical v0.3.4 // iCalendar (RFC 5545) feeds of learning events: folding, escaping
	github.com/boombuler/barcode v1.0.1 // QR code of a certificate's verification link (already required by pquerna/otp and go-pdf/fpdf)
	github.com/chromedp/cdproto v0.159.0 // tests: protocol events (console, CSP violations) of the browser tests
	github.com/chromedp/chromedp v0.23.0 // tests: drive the system Chromium through the real pages
	github.com/getkin/kin-openapi v0.153.0 // tests: validate the API's OpenAPI 3.1 document and real responses against it
	github.com/go-pdf/fpdf v0.9.0 // certificate PDFs; frozen since 2023, but its core fonts (cp1252) cover Indonesian text and it draws what an A4 certificate needs
	github.com/jackc/pgx/v5 v5.12.0 // PostgreSQL driver; COPY for bulk loads
	github.com/nicksnyder/go-i18n/v2 v2.7.0 // message catalogues, Bahasa Indonesia and English
	github.com/pquerna/otp v1.5.0 // TOTP second factor (RFC 6238) for logins
	github.com/pressly/goose/v3 v3.30.0 // schema migrations per engine; raises libc to v1.80.2, kept there
	github.com/xuri/excelize/v2 v2.11.1 // XLSX exports (streamed; unzip limits set)
	go.yaml.in/yaml/v4 v4.0.0 // reads the hand-written openapi.yaml, served as JSON
	golang.org/x/crypto v0.59.0 // argon2id password hashing
	golang.org/x/text v0.44.0 // language tags for the i18n catalogues
	modernc.org/sqlite v1.62.0 // embedded SQLite, pure Go (no cgo)
)

require (
	github.com/dustin/go-humanize v1.1.0 // indirect
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/go-openapi/jsonpointer v0.22.5 // indirect
	github.com/go-openapi/swag/jsonname v0.25.5 // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/jackc/pgpassfile v1.0.0 // indirect
	github.com/jackc/pgservicefile v0.0.0-20240606120523-5a60cdf6a761 // indirect
	github.com/jackc/puddle/v2 v2.2.3 // indirect
	github.com/mattn/go-isatty v0.0.24 // indirect
	github.com/mfridman/interpolate v0.0.2 // indirect
	github.com/ncruces/go-strftime v1.1.0 // indirect
	github.com/remyoudompheng/bigfft v0.0.0-20230129092748-24d4a6f8daec // indirect
	github.com/richardlehane/mscfb v1.0.9 // indirect
	github.com/richardlehane/msoleps v1.0.6 // indirect
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3 // indirect
	github.com/sethvargo/go-retry v0.5.0 // indirect
	github.com/tiendc/go-deepcopy v1.7.2 // indirect
	github.com/xuri/efp v0.0.3-0.20260924042702-217b81952dec // indirect
	github.com/xuri/nfp v0.0.2-0.20250530014748-2ddeb826f9a9 // indirect
	go.uber.org/multierr v1.11.0 // indirect
	golang.org/x/net v0.62.0 // indirect
	golang.org/x/sync v0.25.0 // indirect
	golang.org/x/sys v0.50.0 // indirect
	modernc.org/libc v1.80.2 // indirect
	modernc.org/mathutil v1.7.1 // indirect
	modernc.org/memory v1.12.1 // indirect
)
