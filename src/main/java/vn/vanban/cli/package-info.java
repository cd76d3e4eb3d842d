/** The command line: serve, ingest, search, extract, reindex. */
package vn.vanban.cli;
