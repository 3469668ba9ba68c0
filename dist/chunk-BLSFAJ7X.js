import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{a,b}from"./chunk-4Y3CB7DV.js";import"./chunk-DIH32O6S.js";import"./chunk-6QK42LO7.js";import"./chunk-IQT3TQP3.js";import"./chunk-H4WSMUMB.js";import"./chunk-M4D2V3TD.js";import"./chunk-FMDPOEJ6.js";import"./chunk-QM337LTU.js";import"./chunk-JKYGPKRR.js";import"./chunk-MCBOKFV5.js";import"./chunk-AJY4PYXS.js";import"./chunk-AZVILSBV.js";import"./chunk-QVYR4H7K.js";import"./chunk-B2DZAXXE.js";import"./chunk-D2YGPWWQ.js";import"./chunk-44ZUAMGC.js";import"./chunk-TYT6ARY7.js";import"./chunk-FLILIZKW.js";import"./chunk-BAIY453I.js";import"./chunk-VCHCSPK3.js";import"./chunk-3HH65WHE.js";import"./chunk-VIRMFLIA.js";import"./chunk-FDLNTTEG.js";import"./chunk-44CLTGVG.js";import"./chunk-2255RH4N.js";export{b as loadFleetSetup,a as runFleetBuild};
