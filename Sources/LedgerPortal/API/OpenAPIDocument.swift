/// The API described for its users (OpenAPI 3.1), served at `/api/v1/openapi.json`.
/// Written out rather than generated: it is short, and a test checks that every route it
/// names answers as it says.
enum OpenAPIDocument {
    static let json = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "reformledger API",
            "version": "1",
            "description": "Send event files for an agency and read the ledger's status and reports. Every request but /healthz, /metrics and this document needs HTTP Basic credentials of a portal account (reformledger user add), or the pages' session cookie, with which a POST also carries the session's CSRF token in X-CSRF-Token. Refusals are {\"error\": {\"code\", \"message\"}}."
          },
          "components": {
            "securitySchemes": {
              "basic": { "type": "http", "scheme": "basic" },
              "session": { "type": "apiKey", "in": "cookie", "name": "rl_session" }
            },
            "responses": { "Problem": { "description": "refused", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Problem" } } } } },
            "schemas": {
              "Problem": {
                "type": "object",
                "required": ["error"],
                "properties": { "error": { "type": "object", "required": ["code", "message"], "properties": { "code": { "type": "string" }, "message": { "type": "string" } } } }
              },
              "FileVerdict": {
                "type": "object",
                "description": "One entry of `reformledger ingest --json`.",
                "required": ["file", "status", "appended", "duplicates", "errors"],
                "properties": {
                  "file": { "type": "string" },
                  "status": { "enum": ["accepted", "rejected"] },
                  "appended": { "type": "integer" },
                  "duplicates": { "type": "integer" },
                  "errors": { "type": "array", "items": { "type": "object", "properties": { "line": { "type": ["integer", "null"] }, "id": { "type": ["string", "null"] }, "field": { "type": ["string", "null"] }, "code": { "type": "string" }, "message": { "type": "string" }, "sheet": { "type": "string" }, "cell": { "type": "string" } } } }
                }
              }
            }
          },
          "security": [{ "basic": [] }, { "session": [] }],
          "paths": {
            "/healthz": { "get": { "security": [], "summary": "Liveness", "responses": { "200": { "description": "ok" } } } },
            "/api/v1/openapi.json": { "get": { "security": [], "summary": "This document", "responses": { "200": { "description": "OpenAPI 3.1" } } } },
            "/api/v1/status": {
              "get": {
                "summary": "The object of `reformledger status --json`",
                "responses": { "200": { "description": "events, head, backlog, last and next report" }, "401": { "$ref": "#/components/responses/Problem" }, "429": { "$ref": "#/components/responses/Problem" }, "503": { "$ref": "#/components/responses/Problem" } }
              }
            },
            "/api/v1/reports/{period}": {
              "get": {
                "summary": "The consolidated report of a period (its JSON) at the head of the log",
                "parameters": [{ "name": "period", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^[0-9]{4}(-Q[1-4]|-H1|-9M)?$" } }],
                "responses": { "200": { "description": "the report JSON" }, "401": { "$ref": "#/components/responses/Problem" }, "404": { "$ref": "#/components/responses/Problem" }, "429": { "$ref": "#/components/responses/Problem" }, "503": { "$ref": "#/components/responses/Problem" } }
              }
            },
            "/metrics": { "get": { "security": [], "summary": "Prometheus text: files and events by agency, inbox backlog, head seq, last report, HTTP requests by route and status", "responses": { "200": { "description": "text/plain; version=0.0.4" } } } },
            "/api/v1/events": {
              "get": {
                "summary": "The audit trail, newest first; each event as `reformledger events --json` prints it (coordinators, admins, auditors)",
                "parameters": [
                  { "name": "agency", "in": "query", "schema": { "type": "string", "pattern": "^[A-Z0-9-]{2,16}$" } },
                  { "name": "type", "in": "query", "schema": { "type": "string" } },
                  { "name": "from", "in": "query", "description": "local date of occurred_at, YYYY-MM-DD or DD/MM/YYYY", "schema": { "type": "string" } },
                  { "name": "to", "in": "query", "schema": { "type": "string" } },
                  { "name": "q", "in": "query", "description": "text in the id, the data or the source file's name", "schema": { "type": "string", "maxLength": 200 } },
                  { "name": "before", "in": "query", "description": "only seqs below this one: next_before of the previous page", "schema": { "type": "integer", "minimum": 1 } },
                  { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 1000, "default": 100 } }
                ],
                "responses": {
                  "200": { "description": "a page", "content": { "application/json": { "schema": { "type": "object", "required": ["events", "next_before"], "properties": { "events": { "type": "array", "items": { "type": "object" } }, "next_before": { "type": ["integer", "null"] } } } } } },
                  "400": { "$ref": "#/components/responses/Problem" },
                  "401": { "$ref": "#/components/responses/Problem" },
                  "403": { "$ref": "#/components/responses/Problem" },
                  "429": { "$ref": "#/components/responses/Problem" },
                  "503": { "$ref": "#/components/responses/Problem" }
                }
              }
            },
            "/api/v1/inbox/{agency}": {
              "post": {
                "summary": "Send one event file for an agency, through the inbox rules",
                "parameters": [{ "name": "agency", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^[A-Z0-9-]{2,16}$" } }],
                "requestBody": { "required": true, "content": { "multipart/form-data": { "schema": { "type": "object", "required": ["file"], "properties": { "file": { "type": "string", "format": "binary" } } } } } },
                "responses": {
                  "200": { "description": "accepted", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/FileVerdict" } } } },
                  "422": { "description": "rejected, with every error", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/FileVerdict" } } } },
                  "400": { "$ref": "#/components/responses/Problem" },
                  "401": { "$ref": "#/components/responses/Problem" },
                  "403": { "$ref": "#/components/responses/Problem" },
                  "404": { "$ref": "#/components/responses/Problem" },
                  "413": { "$ref": "#/components/responses/Problem" },
                  "429": { "$ref": "#/components/responses/Problem" },
                  "503": { "description": "uploads_busy (with Retry-After), sign_in_busy, accounts_unavailable or unavailable", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Problem" } } } }
                }
              }
            }
          }
        }
        """#
}
