/**
 * Readers of recording files (PhysioNet WFDB, CSV) that turn an upload into a domain {@code Recording}
 * in microvolts. Plain Java on purpose: no framework types, so that tests and benchmarks can run them
 * directly on files. Every problem with a file is an {@code InvalidInputException} naming the form
 * field and, where there is one, the line.
 */
package adapters.rest.fileformat;
