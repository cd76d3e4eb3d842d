/** Takes files in (folder, upload, CLI), runs them through parse → normalize → extract → store → index, and keeps the index in step with the database. */
package vn.vanban.ingest;
