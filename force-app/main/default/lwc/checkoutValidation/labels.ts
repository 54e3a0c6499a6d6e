/** The validation messages, from Custom Labels (category `CheckoutKit Engine …`). */
import validationRequired from '@salesforce/label/c.CheckoutKit_ValidationRequired';
import validationEmail from '@salesforce/label/c.CheckoutKit_ValidationEmail';
import validationPhone from '@salesforce/label/c.CheckoutKit_ValidationPhone';
import validationPhoneCountry from '@salesforce/label/c.CheckoutKit_ValidationPhoneCountry';
import validationPhoneOtherCountry from '@salesforce/label/c.CheckoutKit_ValidationPhoneOtherCountry';
import validationCountry from '@salesforce/label/c.CheckoutKit_ValidationCountry';
import validationRegion from '@salesforce/label/c.CheckoutKit_ValidationRegion';
import validationPostalCode from '@salesforce/label/c.CheckoutKit_ValidationPostalCode';
import validationTooLong from '@salesforce/label/c.CheckoutKit_ValidationTooLong';
import validationCheckbox from '@salesforce/label/c.CheckoutKit_ValidationCheckbox';
import validationNumber from '@salesforce/label/c.CheckoutKit_ValidationNumber';
import validationDate from '@salesforce/label/c.CheckoutKit_ValidationDate';
import validationDateTime from '@salesforce/label/c.CheckoutKit_ValidationDateTime';
import validationTime from '@salesforce/label/c.CheckoutKit_ValidationTime';
import validationUrl from '@salesforce/label/c.CheckoutKit_ValidationUrl';
import validationText from '@salesforce/label/c.CheckoutKit_ValidationText';
import validationLocation from '@salesforce/label/c.CheckoutKit_ValidationLocation';
import validationAddressCodes from '@salesforce/label/c.CheckoutKit_ValidationAddressCodes';
import validationUnsupportedField from '@salesforce/label/c.CheckoutKit_ValidationUnsupportedField';

export const validationLabels = {
    validationRequired,
    validationEmail,
    validationPhone,
    validationPhoneCountry,
    validationPhoneOtherCountry,
    validationCountry,
    validationRegion,
    validationPostalCode,
    validationTooLong,
    validationCheckbox,
    validationNumber,
    validationDate,
    validationDateTime,
    validationTime,
    validationUrl,
    validationText,
    validationLocation,
    validationAddressCodes,
    validationUnsupportedField
} as const;
