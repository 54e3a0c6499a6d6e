// Browser entry proving the toolchain on its own: real lightning-base-components under synthetic shadow,
// styled by SLDS, without the checkout components (see preview/test/build.test.ts).
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import BaseComponentsProof from 'preview/baseComponentsProof';

document
    .getElementById('checkout-page')
    .appendChild(createElement('preview-base-components-proof', { is: BaseComponentsProof }));
