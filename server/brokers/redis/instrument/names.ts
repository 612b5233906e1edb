/** Names shared by the server and the sandbox side (see runner/inside/deadLetterNames.ts). */
export {
  DEAD_LETTER_NAME as DEAD_LETTER_STREAM,
  originOfDeadLetters as streamOfDeadLetters,
} from '../../../runner/inside/deadLetterNames.ts';
