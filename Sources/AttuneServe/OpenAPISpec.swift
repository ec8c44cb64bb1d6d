/// The OpenAPI 3.1 description of every route, served at `GET /openapi.json` (the one copy in
/// the repository; docs/serve.md points here). The served document carries the server's own
/// limits: `dimensions` at most the served width, at most `--max-client-batch-size` inputs or
/// texts, token ids below the vocabulary's size.
enum OpenAPISpec {
    /// The document for `service`: the template with its limits filled in.
    static func json(for service: EmbeddingService) -> String {
        template
            .replacingOccurrences(of: "{{DIMENSION}}", with: String(service.dimension))
            .replacingOccurrences(of: "{{MAX_CLIENT_BATCH_SIZE}}", with: String(service.configuration.maxClientBatchSize))
            .replacingOccurrences(of: "{{MAX_TOKEN_ID}}", with: String(max(0, service.vocabularySize - 1)))
    }

    static let template = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "attune serve",
    "version": "0.1.0",
    "description": "Sentence embeddings over OpenAI's /v1/embeddings and Hugging Face TEI's /embed, and a cross-encoder over TEI's /rerank (with --reranker). With an API key, every route but /health needs Authorization: Bearer KEY."
  },
  "components": {
    "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
    "schemas": {
      "Input": {
        "description": "A text, texts, the model's token ids (no [CLS]/[SEP]), or arrays of them.",
        "oneOf": [
          { "type": "string", "minLength": 1 },
          { "type": "array", "minItems": 1, "maxItems": {{MAX_CLIENT_BATCH_SIZE}}, "items": { "type": "string", "minLength": 1 } },
          { "type": "array", "minItems": 1, "items": { "type": "integer", "minimum": 0, "maximum": {{MAX_TOKEN_ID}} } },
          { "type": "array", "minItems": 1, "maxItems": {{MAX_CLIENT_BATCH_SIZE}}, "items": { "type": "array", "minItems": 1, "items": { "type": "integer", "minimum": 0, "maximum": {{MAX_TOKEN_ID}} } } }
        ]
      },
      "EmbeddingRequest": {
        "type": "object",
        "required": ["input", "model"],
        "properties": {
          "input": { "$ref": "#/components/schemas/Input" },
          "model": { "type": "string", "description": "The served model's name or its folder's name." },
          "encoding_format": { "type": ["string", "null"], "enum": ["float", "base64", null], "default": "float" },
          "dimensions": { "type": ["integer", "null"], "minimum": 1, "maximum": {{DIMENSION}}, "description": "Keep each embedding's first N values, re-normalised (Matryoshka)." },
          "user": { "type": ["string", "null"] }
        }
      },
      "EmbeddingResponse": {
        "type": "object",
        "required": ["object", "data", "model", "usage"],
        "properties": {
          "object": { "const": "list" },
          "data": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["object", "index", "embedding"],
              "properties": {
                "object": { "const": "embedding" },
                "index": { "type": "integer" },
                "embedding": { "oneOf": [ { "type": "array", "items": { "type": "number" } }, { "type": "string", "contentEncoding": "base64" } ] }
              }
            }
          },
          "model": { "type": "string" },
          "usage": {
            "type": "object",
            "required": ["prompt_tokens", "total_tokens"],
            "properties": { "prompt_tokens": { "type": "integer" }, "total_tokens": { "type": "integer" } }
          }
        }
      },
      "ModelList": {
        "type": "object",
        "required": ["object", "data"],
        "properties": {
          "object": { "const": "list" },
          "data": { "type": "array", "items": { "type": "object", "required": ["id", "object"], "properties": { "id": { "type": "string" }, "object": { "const": "model" }, "created": { "type": "integer" }, "owned_by": { "type": "string" } } } }
        }
      },
      "OpenAIError": {
        "type": "object",
        "required": ["error"],
        "properties": {
          "error": {
            "type": "object",
            "required": ["message", "type", "param", "code"],
            "properties": {
              "message": { "type": "string" },
              "type": { "type": "string" },
              "param": { "type": ["string", "null"] },
              "code": { "type": ["string", "null"] }
            }
          }
        }
      },
      "EmbedRequest": {
        "type": "object",
        "required": ["inputs"],
        "properties": {
          "inputs": { "$ref": "#/components/schemas/Input" },
          "normalize": { "type": ["boolean", "null"], "default": true },
          "truncate": { "type": ["boolean", "null"], "default": false, "description": "Cut inputs over max_input_length instead of refusing them." },
          "truncation_direction": { "type": ["string", "null"], "pattern": "^[Rr][Ii][Gg][Hh][Tt]$", "description": "Right (in any case) only." },
          "prompt_name": { "type": ["string", "null"] },
          "dimensions": { "type": ["integer", "null"], "minimum": 1, "maximum": {{DIMENSION}} }
        }
      },
      "EmbedResponse": { "type": "array", "items": { "type": "array", "items": { "type": "number" } } },
      "RerankRequest": {
        "type": "object",
        "required": ["query", "texts"],
        "properties": {
          "query": { "type": "string" },
          "texts": { "type": "array", "minItems": 1, "maxItems": {{MAX_CLIENT_BATCH_SIZE}}, "items": { "type": "string" }, "description": "At most max_client_batch_size texts, each scored with the query." },
          "truncate": { "type": ["boolean", "null"], "default": false, "description": "Cut a pair over the reranker's max_input_length longest-first instead of refusing it (422)." },
          "truncation_direction": { "type": ["string", "null"], "pattern": "^[Rr][Ii][Gg][Hh][Tt]$", "description": "Right (in any case) only." },
          "raw_scores": { "type": ["boolean", "null"], "default": false, "description": "The logits instead of their sigmoid." },
          "return_text": { "type": ["boolean", "null"], "default": false }
        }
      },
      "RerankResponse": {
        "type": "array",
        "description": "One rank per text, best score first.",
        "items": {
          "type": "object",
          "required": ["index", "score"],
          "properties": {
            "index": { "type": "integer", "minimum": 0, "description": "The text's position in texts." },
            "text": { "type": "string", "description": "The text, with return_text." },
            "score": { "type": "number" }
          }
        }
      },
      "Info": {
        "type": "object",
        "required": ["model_id", "model_dtype", "model_type", "max_concurrent_requests", "max_input_length", "max_batch_tokens", "max_client_batch_size", "version"],
        "properties": {
          "model_id": { "type": "string" },
          "model_sha": { "type": ["string", "null"] },
          "model_dtype": { "type": "string" },
          "model_type": { "type": "object" },
          "max_concurrent_requests": { "type": "integer" },
          "max_input_length": { "type": "integer" },
          "max_batch_tokens": { "type": "integer" },
          "max_batch_requests": { "type": ["integer", "null"] },
          "max_client_batch_size": { "type": "integer" },
          "auto_truncate": { "type": "boolean" },
          "tokenization_workers": { "type": "integer" },
          "version": { "type": "string" },
          "sha": { "type": ["string", "null"] },
          "docker_label": { "type": ["string", "null"] },
          "dimension": { "type": "integer" },
          "window": { "type": "integer" },
          "reranker": {
            "description": "The cross-encoder behind /rerank (null without --reranker).",
            "oneOf": [
              { "type": "null" },
              {
                "type": "object",
                "required": ["model_id", "model_dtype", "model_type", "max_input_length"],
                "properties": {
                  "model_id": { "type": "string" },
                  "model_dtype": { "type": "string" },
                  "model_type": { "type": "object", "description": "TEI's {\"reranker\": {\"id2label\", \"label2id\"}}." },
                  "max_input_length": { "type": "integer", "description": "Tokens per (query, text) pair, specials included." }
                }
              }
            ]
          }
        }
      },
      "TEIError": {
        "type": "object",
        "required": ["error", "error_type"],
        "properties": { "error": { "type": "string" }, "error_type": { "type": "string" } }
      }
    },
    "responses": {
      "OpenAIError": { "description": "Refused: 400 bad request, 401 key, 404 model, 413 over a limit, 429 queue full (Retry-After), 503 timed out.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/OpenAIError" } } } },
      "TEIError": { "description": "Refused: 400 bad request or empty, 401 key, 413 over a limit, 422 validation, 424 no reranker (/rerank), 429 queue full (Retry-After), 503 timed out.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TEIError" } } } }
    }
  },
  "security": [ { "bearer": [] }, {} ],
  "paths": {
    "/v1/embeddings": {
      "post": {
        "summary": "OpenAI embeddings",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EmbeddingRequest" } } } },
        "responses": {
          "200": { "description": "Embeddings in input order.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EmbeddingResponse" } } } },
          "400": { "$ref": "#/components/responses/OpenAIError" }, "401": { "$ref": "#/components/responses/OpenAIError" },
          "404": { "$ref": "#/components/responses/OpenAIError" }, "413": { "$ref": "#/components/responses/OpenAIError" },
          "422": { "$ref": "#/components/responses/OpenAIError" }, "429": { "$ref": "#/components/responses/OpenAIError" },
          "503": { "$ref": "#/components/responses/OpenAIError" }
        }
      }
    },
    "/embeddings": {
      "post": {
        "summary": "OpenAI embeddings (without the /v1 prefix)",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EmbeddingRequest" } } } },
        "responses": {
          "200": { "description": "Embeddings in input order.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EmbeddingResponse" } } } },
          "400": { "$ref": "#/components/responses/OpenAIError" }, "401": { "$ref": "#/components/responses/OpenAIError" },
          "404": { "$ref": "#/components/responses/OpenAIError" }, "413": { "$ref": "#/components/responses/OpenAIError" },
          "422": { "$ref": "#/components/responses/OpenAIError" }, "429": { "$ref": "#/components/responses/OpenAIError" },
          "503": { "$ref": "#/components/responses/OpenAIError" }
        }
      }
    },
    "/v1/models": {
      "get": {
        "summary": "The served model",
        "responses": { "200": { "description": "One model.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ModelList" } } } }, "401": { "$ref": "#/components/responses/OpenAIError" } }
      }
    },
    "/embed": {
      "post": {
        "summary": "TEI embed",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EmbedRequest" } } } },
        "responses": {
          "200": { "description": "One embedding per input, in order.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EmbedResponse" } } } },
          "400": { "$ref": "#/components/responses/TEIError" }, "401": { "$ref": "#/components/responses/TEIError" },
          "413": { "$ref": "#/components/responses/TEIError" }, "422": { "$ref": "#/components/responses/TEIError" },
          "429": { "$ref": "#/components/responses/TEIError" }, "503": { "$ref": "#/components/responses/TEIError" }
        }
      }
    },
    "/rerank": {
      "post": {
        "summary": "TEI rerank: score each text with the query by the cross-encoder",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RerankRequest" } } } },
        "responses": {
          "200": { "description": "Ranks, best first.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RerankResponse" } } } },
          "400": { "$ref": "#/components/responses/TEIError" }, "401": { "$ref": "#/components/responses/TEIError" },
          "413": { "$ref": "#/components/responses/TEIError" }, "422": { "$ref": "#/components/responses/TEIError" },
          "424": { "$ref": "#/components/responses/TEIError" }, "429": { "$ref": "#/components/responses/TEIError" },
          "503": { "$ref": "#/components/responses/TEIError" }
        }
      }
    },
    "/info": {
      "get": {
        "summary": "TEI info: the model and the limits",
        "responses": { "200": { "description": "Info.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Info" } } } }, "401": { "$ref": "#/components/responses/TEIError" } }
      }
    },
    "/health": {
      "get": { "summary": "Liveness (no key needed)", "security": [], "responses": { "200": { "description": "Serving." } } }
    },
    "/metrics": {
      "get": {
        "summary": "Prometheus metrics",
        "responses": { "200": { "description": "Exposition text.", "content": { "text/plain": { "schema": { "type": "string" } } } }, "401": { "$ref": "#/components/responses/OpenAIError" } }
      }
    },
    "/openapi.json": {
      "get": {
        "summary": "This document",
        "responses": { "200": { "description": "OpenAPI 3.1.", "content": { "application/json": { "schema": { "type": "object" } } } }, "401": { "$ref": "#/components/responses/OpenAIError" } }
      }
    }
  }
}
"""#
}
