/** Build configuration: folders, site URL and link style. */
package archive.config;
