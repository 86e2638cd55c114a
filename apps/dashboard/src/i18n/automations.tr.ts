/** Turkish messages of the automations pages; the shape is the English one. */
import type { AutomationsMessages } from './automations.en';

export const automationsTr: AutomationsMessages = {
  title: 'Automations',
};
