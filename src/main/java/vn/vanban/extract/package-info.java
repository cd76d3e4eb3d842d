/** Reads a document's own metadata (số ký hiệu, type, issuer, place and date, trích yếu, signer) from its normalized text. */
package vn.vanban.extract;
