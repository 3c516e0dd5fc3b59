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
            "description": "Send event files for an agency and read the ledger's status and reports. Every request but /healthz and this document needs HTTP Basic credentials of a portal account (reformledger user add). Refusals are {\"error\": {\"code\", \"message\"}}."
          },
          "components": {
            "securitySchemes": { "basic": { "type": "http", "scheme": "basic" } },
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
          "security": [{ "basic": [] }],
          "paths": {
            "/healthz": { "get": { "security": [], "summary": "Liveness", "responses": { "200": { "description": "ok" } } } },
            "/api/v1/openapi.json": { "get": { "security": [], "summary": "This document", "responses": { "200": { "description": "OpenAPI 3.1" } } } },
            "/api/v1/status": {
              "get": {
                "summary": "The object of `reformledger status --json`",
                "responses": { "200": { "description": "events, head, backlog, last and next report" }, "401": { "$ref": "#/components/responses/Problem" }, "429": { "$ref": "#/components/responses/Problem" } }
              }
            },
            "/api/v1/reports/{period}": {
              "get": {
                "summary": "The consolidated report of a period (its JSON) at the head of the log",
                "parameters": [{ "name": "period", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^[0-9]{4}(-Q[1-4]|-H1|-9M)?$" } }],
                "responses": { "200": { "description": "the report JSON" }, "401": { "$ref": "#/components/responses/Problem" }, "404": { "$ref": "#/components/responses/Problem" } }
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
                  "429": { "$ref": "#/components/responses/Problem" }
                }
              }
            }
          }
        }
        """#
}
