import pino from 'pino'
import { maskIdentifiers } from './iin.js'

/**
 * The one logger. Every line passes through the IIN mask on its way out, so no code path (a URL with an IIN,
 * an error message that names one) can put an identifier into the logs.
 */
export function createLogger(level: string, write: (line: string) => void = (line) => process.stdout.write(line)) {
  return pino(
    {
      level,
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
    },
    { write: (line: string) => write(maskIdentifiers(line)) },
  )
}
