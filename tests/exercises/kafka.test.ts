import { describeExercises } from './gradeAll';

describeExercises('kafka');
