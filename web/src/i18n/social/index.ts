import { addAreaWords } from '..'
import en from './en.json'
import kk from './kk.json'
import ru from './ru.json'

// Each file must carry every key of the others; a missing translation fails `tsc`, not a user.
const kkHasAllOf: typeof en & typeof ru = kk
const ruHasAllOf: typeof en & typeof kk = ru
const enHasAllOf: typeof kk & typeof ru = en

addAreaWords('social', { kk: kkHasAllOf, ru: ruHasAllOf, en: enHasAllOf })
