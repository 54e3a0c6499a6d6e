import { LightningElement } from 'lwc';

export default class BaseComponentsProof extends LightningElement {
    countries = [
        { label: 'United States', value: 'US' },
        { label: 'Canada', value: 'CA' }
    ];
}
