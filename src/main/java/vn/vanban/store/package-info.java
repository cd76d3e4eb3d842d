/** Keeps the truth: document records, versions and failures in the database, originals on disk by sha256. */
package vn.vanban.store;
