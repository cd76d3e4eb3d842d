/**
 * The index on SolrCloud, for deployments beyond one machine: the configset Vanban ships (the Vietnamese analysis with
 * Solr's own factories) and the collection made from it. The local Lucene index stays the default.
 */
package vn.vanban.solr;
