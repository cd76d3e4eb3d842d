/** The Lucene index under the data directory: Vietnamese analysis, field names, writing and reconciling with the database. */
package vn.vanban.index;
