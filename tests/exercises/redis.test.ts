import { describeExercises } from './gradeAll';

describeExercises('redis');
