/**
 * File formats, plain Java on purpose (no framework types), so that tests and benchmarks run them directly
 * on files: {@code text} (lines, decimal cells, lead names), {@code wfdb} and {@code csv} (readers of
 * recordings into microvolts, implementing {@code usecase.port.RecordingReader}) and {@code archive} (the
 * Sinus archive, implementing {@code usecase.port.ArchiveFormat}). Every problem with a file is an
 * {@code InvalidInputException} naming the file by its role and, where there is one, the line.
 */
package adapters.fileformat;
