/** Vanban's settings: where data lives, limits, what to watch. */
package vn.vanban.config;
