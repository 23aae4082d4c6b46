// The body editor's schema checks come from Monaco's JSON worker, in English only. Each message
// here is the worker's own English text ({0}, {1}: its values), used both to recognise a
// message and, in another language, to translate it (monaco/schema-messages.ts).
export const schemaMessages = {
  schema: {
    missingProperty: 'Missing property "{0}".',
    incorrectType: 'Incorrect type. Expected "{0}".',
    incorrectTypes: 'Incorrect type. Expected one of {0}.',
    notAllowed: 'Property {0} is not allowed.',
    notAccepted: 'Value is not accepted. Valid values: {0}.',
    mustBe: 'Value must be {0}.',
    tooShort: 'String is shorter than the minimum length of {0}.',
    tooLong: 'String is longer than the maximum length of {0}.',
    pattern: 'String does not match the pattern of "{0}".',
    belowMinimum: 'Value is below the minimum of {0}.',
    aboveMaximum: 'Value is above the maximum of {0}.',
    tooFewItems: 'Array has too few items. Expected {0} or more.',
    tooManyItems: 'Array has too many items. Expected {0} or fewer.',
    duplicateItems: 'Array has duplicate items.',
    dependency: 'Object is missing property {0} required by property {1}.',
    noRuleMatches: 'Item does not match any validation rule from the array.',
    deprecated: 'Value is deprecated',
    trailingComma: 'Trailing comma',
    valueExpected: 'Value expected',
    propertyExpected: 'Property expected',
    colonExpected: 'Colon expected',
    commaExpected: 'Expected comma',
    endOfFileExpected: 'End of file expected.',
  },
}
