/** The REST API under /api: documents, upload, text and originals, search, failures. */
package vn.vanban.api;
