import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{a,b}from"./chunk-JPOM6JI2.js";import"./chunk-QJQ27GJO.js";import"./chunk-LDMUNTBW.js";import"./chunk-IQT3TQP3.js";import"./chunk-ZVHRP6IO.js";import"./chunk-M4D2V3TD.js";import"./chunk-2FXILSHL.js";import"./chunk-QM337LTU.js";import"./chunk-JKYGPKRR.js";import"./chunk-OB44FHYN.js";import"./chunk-QYP4V4WC.js";import"./chunk-AZVILSBV.js";import"./chunk-MIII2YJL.js";import"./chunk-FEIVX6DG.js";import"./chunk-LBEVPB4F.js";import"./chunk-N3ICO423.js";import"./chunk-EBQG4HUB.js";import"./chunk-EBM6LWTG.js";import"./chunk-L4CCEOLU.js";import"./chunk-VCHCSPK3.js";import"./chunk-3HH65WHE.js";import"./chunk-5CJRXQVC.js";import"./chunk-FDLNTTEG.js";import"./chunk-44CLTGVG.js";import"./chunk-2255RH4N.js";export{b as loadFleetSetup,a as runFleetBuild};
