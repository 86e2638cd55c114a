// GraphQL documents, types and composables for calendars (scaffold: filled in by its owner).
export {};
